/** Text for people: header values, hex, and the WSP layout walking the dumps need. */
package org.mmsstack.cli.format;
