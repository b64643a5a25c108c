/** AWS resources through aws-sdk-java-v2. Depends on the provider SPI and the AWS SDK only. */
package dev.kplan.provider.aws;
