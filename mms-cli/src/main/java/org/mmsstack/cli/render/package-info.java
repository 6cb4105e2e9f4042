/** The human-readable outputs of {@code mms decode}: the indented dump and the annotated hex dump. */
package org.mmsstack.cli.render;
