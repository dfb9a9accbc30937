package dev.rollgate.core.traffic;

/** The verdict a CodeDeploy lifecycle hook reports. */
public enum HookStatus {
    SUCCEEDED,
    FAILED
}
