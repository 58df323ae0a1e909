/**
 * The disruption document's JSON form: {@link io.skymarshal.airline.json.DisruptionJson} reads the
 * shape the reference sample uses (every error a {@link
 * io.skymarshal.airline.json.DisruptionFormatException} naming its field) and writes it back.
 */
package io.skymarshal.airline.json;
