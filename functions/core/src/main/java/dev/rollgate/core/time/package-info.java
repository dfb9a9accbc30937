/**
 * Reading the timestamps rollgate stores and receives, without the cost of {@code java.time.format} on the hot
 * paths of a cold Lambda JVM.
 */
package dev.rollgate.core.time;
