package dev.rollgate.console.ui;

/** A view that re-reads its data when the layout's poll fires, so changes appear without a reload. */
public interface Refreshable {
    void refresh();
}
