/**
 * Capture archives on Apache Spark: {@link org.mmsstack.spark.CaptureDatasets} reads capture
 * files at any Hadoop-compatible path into a {@code Dataset<Row>} with one row per MMS PDU or MM4
 * mail (one task per file, each file streamed), {@link org.mmsstack.spark.CaptureRecords} is what
 * a task does with its file (usable without Spark), and {@link
 * org.mmsstack.spark.ValidateCaptures} is the validation job for {@code spark-submit}. Findings
 * are {@link org.mmsstack.encapsulation.Finding}s; limits and strictness are in {@link
 * org.mmsstack.spark.SparkCaptureConfig}.
 */
package org.mmsstack.spark;
