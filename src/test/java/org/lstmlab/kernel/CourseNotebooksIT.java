package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every course notebook in notebooks/ runs without an error in quick mode, through
 * {@code ./lab run-notebooks --quick}; a failure names the notebook and cell.
 */
class CourseNotebooksIT {

  @Test
  void everyNotebookInNotebooksRunsWithoutErrorInQuickMode() throws Exception {
    Path folder = Path.of("notebooks");
    long count = 0;
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        count = files.filter(p -> p.toString().endsWith(".ipynb")).count();
      }
    }
    LabCommandsIT.Result run = LabCommandsIT.lab("run-notebooks", "--quick");
    assertEquals(0, run.exitCode(), run.output());
    System.out.println("course notebooks executed in quick mode: " + count
        + (count == 0 ? " (notebooks/ has none yet)" : ""));
  }
}
