package io.gridkeeper.jcache.event;

import java.io.Serializable;

/** A view's acknowledgement that its listeners ran for a message. */
record EventAck(String messageId, String view) implements Serializable {}
