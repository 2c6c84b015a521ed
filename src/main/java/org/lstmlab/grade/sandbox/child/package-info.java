/**
 * What runs inside the child JVM: {@link org.lstmlab.grade.sandbox.child.ChildMain}, which calls the student's
 * static methods with a fresh class loader per call and checks the rules after each, and the wire format
 * ({@link org.lstmlab.grade.sandbox.child.Wire}, {@link org.lstmlab.grade.sandbox.child.Value}) of the numbers
 * that go between it and the grader. It holds no expected values and decides no score.
 *
 * <p>May use: the JDK and ND4J only (the records the exercise signatures need are reached by reflection); never
 * the library's other classes, the grader or JUnit, which the child's class path does not hold.
 */
package org.lstmlab.grade.sandbox.child;
