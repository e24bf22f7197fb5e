package org.cmtkiosk.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem of one file so they can be reported together. */
public final class Problems {
  private final Path file;
  private final List<Problem> list = new ArrayList<>();

  public Problems(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Records a problem at a 1-based line and column. */
  public void add(int line, int column, String what, String fix) {
    list.add(new Problem(file, line, column, what, fix));
  }

  /** Records a problem at the start of a YAML node. */
  public void at(Node node, String what, String fix) {
    add(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, what, fix);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The problems in file order. */
  public List<Problem> list() {
    return list.stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
  }
}
