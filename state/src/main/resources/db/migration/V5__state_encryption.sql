-- kplan state, schema 5: encryption of sensitive values at rest. At most one row: the PBKDF2 salt
-- (base64) and iteration count of the passphrase that seals this state's sensitive values, and a
-- known text sealed with that key, so a wrong passphrase is recognised before anything is read or
-- written. Sealed values themselves live in attributes_json and value_json (see SensitiveCipher).
-- Each workspace (schema) has its own row, salt and key.

CREATE TABLE state_encryption (
  id INTEGER NOT NULL PRIMARY KEY,
  salt VARCHAR(64) NOT NULL,
  iterations INTEGER NOT NULL,
  key_check VARCHAR(256) NOT NULL,
  created TIMESTAMP WITH TIME ZONE NOT NULL
);
