package org.lstmlab.grade.author;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The equation a student's method computes, in the course's Unicode notation, on a method of an
 * exercise's nested interface: {@code @Computes("f_t = σ(W_f · [h_{t-1}, x_t] + b_f)")}. The starter
 * file's TODO and the "not implemented yet" feedback quote it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Computes {
    String value();
}
