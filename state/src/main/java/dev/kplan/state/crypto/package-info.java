/** Encryption of sensitive state values at rest: passphrase-derived AES-256-GCM ({@link dev.kplan.state.crypto.StateKey}). */
package dev.kplan.state.crypto;
