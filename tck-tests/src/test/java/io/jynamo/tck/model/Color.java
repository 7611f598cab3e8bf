package io.jynamo.tck.model;

/** An enum for mapping tests: stored by ordinal by default, by name with {@code EnumType.STRING}. */
public enum Color { RED, GREEN, BLUE }
