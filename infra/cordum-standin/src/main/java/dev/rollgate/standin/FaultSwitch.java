package dev.rollgate.standin;

/** The fault currently in force, changed at run time by tests or the admin endpoint. */
final class FaultSwitch {
    private FaultSettings settings = FaultSettings.none();
    private Integer remaining;

    synchronized void set(FaultSettings faults) {
        this.settings = faults;
        this.remaining = faults.times();
    }

    synchronized FaultSettings current() {
        return settings;
    }

    /** The fault for this request (counting it against {@code times}), or none when it does not apply. */
    synchronized FaultSettings take(String path) {
        if (!path.startsWith(settings.pathPrefix())) {
            return FaultSettings.none();
        }
        if (remaining != null) {
            if (remaining <= 0) {
                return FaultSettings.none();
            }
            remaining--;
        }
        return settings;
    }
}
