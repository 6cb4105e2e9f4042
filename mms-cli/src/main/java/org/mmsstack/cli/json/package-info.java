/**
 * The JSON form of a PDU ({@code mms decode --json}, {@code mms encode}); the schema is
 * described in {@code mms-cli/JSON-SCHEMA.md}.
 */
package org.mmsstack.cli.json;
