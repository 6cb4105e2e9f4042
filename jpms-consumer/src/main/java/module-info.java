/** A consumer of every mmsstack library module, compiled on the module path. */
module org.mmsstack.jpmsconsumer {
  requires org.mmsstack.encapsulation;
  requires org.mmsstack.mm4;
  requires org.mmsstack.routing;
  requires org.mmsstack.capture;

  exports org.mmsstack.jpmsconsumer;
}
