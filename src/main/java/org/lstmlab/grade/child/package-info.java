/**
 * What runs inside the grader's child JVM: the entry point that loads the submission with a fresh class loader
 * per call, the wire format of numbers between parent and child, and nothing else of the grader.
 *
 * <p>May use: ND4J and the records the exercise signatures need; never the grader's other packages.
 */
package org.lstmlab.grade.child;
