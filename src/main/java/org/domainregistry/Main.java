package org.domainregistry;
public class Main { public static void main(String[] a) {} }
