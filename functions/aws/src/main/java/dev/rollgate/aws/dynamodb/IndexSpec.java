package dev.rollgate.aws.dynamodb;

/** A global secondary index; every index projects all attributes, so a listing needs no second read. */
public record IndexSpec(String name, KeyAttribute hashKey, KeyAttribute rangeKey) {
}
