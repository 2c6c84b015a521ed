package org.lstmlab.grade.author;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Display names that read as sentences: a test method {@code fixedCase} is "fixed case",
 * {@code keepsCWhenForgetIsOne} is "keeps c when forget is one". {@code @DisplayName} overrides it
 * where the course's symbols read better ({@code "f_t is [B, H] with values in (0, 1)"}).
 */
public final class Sentences extends DisplayNameGenerator.Standard {
    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosing, Class<?> testClass, Method testMethod) {
        return words(testMethod.getName());
    }

    /** {@code fixedCase} → {@code fixed case}. */
    static String words(String camel) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < camel.length(); k++) {
            char c = camel.charAt(k);
            if (Character.isUpperCase(c) && k > 0) {
                s.append(' ');
            }
            s.append(Character.toLowerCase(c));
        }
        return s.toString();
    }
}
