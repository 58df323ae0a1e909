/**
 * The hostile-documents suite: generated disruption documents that try every way a document can
 * be wrong or malicious ({@link io.skymarshal.testkit.hostile.HostileDocuments}), each of which
 * must end as a typed rejection or a decision, with prompts whose structure no injected text
 * changes ({@link io.skymarshal.testkit.hostile.HostileSuite}).
 */
package io.skymarshal.testkit.hostile;
