/**
 * What SkyMarshal's AWS adapters (skymarshal-bedrock, skymarshal-dynamo) share: the region and
 * credentials checks of their preflights ({@link io.skymarshal.aws.AwsChecks}).
 */
package io.skymarshal.aws;
