/** Test support: hands integration tests clients for the services that scripts/sandbox starts. */
package dev.kplan.testkit;
