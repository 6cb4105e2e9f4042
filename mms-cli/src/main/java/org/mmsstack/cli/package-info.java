/**
 * The {@code mms} command-line tool: {@code decode} (text, {@code --json}, {@code --hex}),
 * {@code validate} and {@code encode}. {@link org.mmsstack.cli.Main#run} runs it in-process.
 */
package org.mmsstack.cli;
