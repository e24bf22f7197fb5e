package org.cmtkiosk.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a picocli option that names a file or folder the command writes. {@code Main} checks it can be written
 * before the command starts, and turns a later failure to write it into one line and exit code 4.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OutputPath {
  /** True for a folder the command fills (created if missing), false for one file. */
  boolean folder() default false;
}
