#!/usr/bin/python3
"""Writes the kernel's test notebooks (run: /usr/bin/python3 make_notebooks.py). The tests in
org.lstmlab.kernel address cells by index, so append new cells at the end."""
import nbformat
from nbformat.v4 import new_code_cell, new_notebook


def write(name, cells):
    nb = new_notebook(cells=[
        new_code_cell(c[0], metadata={"tags": c[1]}) if isinstance(c, tuple) else new_code_cell(c)
        for c in cells])
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"  # stable ids: regenerating changes only the cells that changed
    nb.metadata["kernelspec"] = {"name": "lstm-lab", "display_name": "Java (LSTM Lab)", "language": "java"}
    nbformat.write(nb, name)


write("evaluation.ipynb", [
    "int x = 6 * 7;",                                                         # 0
    "x",                                                                      # 1
    'System.out.println("to stdout");\nSystem.err.println("to stderr");',     # 2
    "int y = 1 / 0;",                                                         # 3
    'String s = "ok";\nint z = undefinedName + 1;',                           # 4
    'void boom() { throw new IllegalStateException("from a method"); }\nboom();',  # 5
    "x + 1",                                                                  # 6
    'XYChart chart = new XYChartBuilder().width(320).height(240).title("squares").build();\n'
    'chart.addSeries("y", new double[] {1, 2, 3}, new double[] {1, 4, 9});\n'
    'display(chart);',                                                        # 7
    "chart",                                                                  # 8
    "new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB)",  # 9
    'Table t = Table.create("losses",\n'
    '    tech.tablesaw.api.IntColumn.create("step", java.util.stream.IntStream.rangeClosed(1, 12).toArray()),\n'
    '    tech.tablesaw.api.DoubleColumn.create("loss", java.util.stream.IntStream.rangeClosed(1, 12).mapToDouble(k -> 1.0 / k).toArray()));\n'
    't',                                                                      # 10
    "Nd4j.zeros(DataType.DOUBLE, 2, 3)",                                      # 11
    'class Report {\n  public String toHtml() { return "<b>E3 passed</b>"; }\n'
    '  public String toString() { return "E3 passed"; }\n}\nnew Report()',     # 12
    "%lsmagic",                                                               # 13
    '%%time\nThread.sleep(20);\n"timed"',                                     # 14
    "System.exit(3);",                                                        # 15
    "Runtime.getRuntime().exit(4);",                                          # 16
    "Runtime.getRuntime().halt(5);",                                          # 17
    "x",                                                                      # 18
    'RnnCell.class.getName() + " " + INDArray.class.getSimpleName() + " " + Table.class.getSimpleName()'
    ' + " " + XYChart.class.getSimpleName() + " " + NDArrayIndex.class.getSimpleName()',  # 19
    'String seen(String name) {\n'
    '  try { Class.forName(name); return name + " visible"; }\n'
    '  catch (ClassNotFoundException e) { return name + " hidden"; }\n}\n'
    'seen("org.zeromq.ZMQ") + "; " + seen("org.objectweb.asm.ClassReader")'
    ' + "; " + seen("org.dflib.jjava.jupyter.kernel.BaseKernel")',          # 20
    "org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation().getPath()",  # 21
    "%classpath extra\nlabextra.Greeting.hello()",                            # 22
    'System.out.println("before");\ndisplay("shown");\nSystem.out.println("after");',  # 23
    "%nosuchmagic",                                                           # 24
    'String shownId = display("first");\nupdateDisplay(shownId, "second");\nshownId.length()',  # 25
    'updateDisplay(shownId, "<b>third</b>", "text/html");',                  # 26: updates cell 25's display
    "display(Nd4j.zeros(DataType.DOUBLE, 2, 2))",                             # 27: the id is not the value
    'updateDisplay("no-such-id", "x");',                                      # 28
    "new java.util.Scanner(System.in).nextLine()",                            # 29: nbclient allows no stdin
    'System.out.println("training");\n'
    'var model = new SequenceRegressor(new LstmCell(LstmParams.init(2, 4, 1)), 1, 1);\n'
    'var history = Trainer.fit(model, AddingProblem.modern(5), TrainConfig.defaults().withSteps(40).withBatchSize(4));\n'
    'history.steps()',                                                        # 30
])

write("maven.ipynb", [
    "%maven org.ow2.asm:asm:9.8\norg.objectweb.asm.Opcodes.ASM9",           # 0: in ~/.m2, hidden from notebooks until now
    "%maven org.apache.commons:commons-math3:3.6.1",                          # 1: on the notebook classpath already
    "%maven org.lstmlab.nosuch:nothing:0.0.1",                                # 2
    "%maven commons-math3",                                                   # 3
    "%lsmagic",                                                               # 4
])

write("output.ipynb", [
    'for (int i = 0; i < 200_000; i++) {\n  System.out.println("line " + i);\n}',
])

# KernelOutputIT: a cell ending in display(...) shows the display only, its id never (notebook 10's exercise cell has
# a comment line above it); with LSTMLAB_SEQUENTIAL_IDS the ids count from 1.
write("displays.ipynb", [
    "import static org.lstmlab.grade.notebook.Mine.*;\n"
    "// your code as last saved; a comment as the course's exercise cells have\n"
    'display("shown");',                                                      # 0: display id 1
    'display("a");\ndisplay("b"); // two, and a comment after',               # 1: ids 2, 3
    'String id = display("c");\nid',                                          # 2: id 4, shown as the value
    'display(new org.lstmlab.kernel.widgets.IntSlider("n", 0, 9, 1, 3));',    # 3: a widget's model id, counted
])

# KernelOutputIT: a shutdown hook a cell registers, its loop in instrumented code, runs to its end when the kernel
# shuts down (the check's grader closes its child JVMs in such a hook).
write("shutdown.ipynb", [
    'var mark = java.nio.file.Path.of(System.getenv("LAB_SHUTDOWN_MARK"));\n'
    "Runtime.getRuntime().addShutdownHook(new Thread(() -> {\n"
    "    int steps = 0;\n"
    "    for (int k = 0; k < 1000; k++) steps++; // a stop check at every iteration\n"
    "    try {\n"
    '        java.nio.file.Files.writeString(mark, "cleanup ran to its end after " + steps + " steps");\n'
    "    } catch (java.io.IOException e) {\n"
    "        throw new java.io.UncheckedIOException(e);\n"
    "    }\n"
    '}, "notebook-cleanup"));',
])

write("interrupt.ipynb", [
    "int kept = 7;",                                                          # 0
    ("while (true) {}", ["interrupt"]),                                       # 1
    "long spin() {\n  long n = 0;\n  while (true) {\n    n++;\n  }\n}",        # 2
    ("spin()", ["interrupt"]),                                                # 3
    ("Thread.sleep(600_000);", ["interrupt"]),                                # 4
    "kept + 1",                                                               # 5
    "Runtime.version().feature()",                                            # 6
    "%classpath extra",                                                       # 7
    ("labextra.Busy.spin()", ["interrupt"]),                                  # 8: a loop in a class from a folder
    "kept",                                                                   # 9
])

# MineIT: the student's own E3 through mine(E3) and expectedOutput(E3); each cell saves E3ForgetGate.java
# as an editor would, so one kernel sees the starter, a wrong, a right, a broken and a throwing file.
write("mine.ipynb", [
    "import static org.lstmlab.grade.notebook.Mine.*;\n"
    "import java.nio.file.*;\n"
    'Path file = Path.of(System.getenv("LSTMLAB_HOME"), "exercises/org/lstmlab/exercises/E3ForgetGate.java");\n'
    "String starter = Files.readString(file);\n"
    "void save(String body) throws Exception {\n"
    '    Files.writeString(file, starter.replaceAll("throw new UnsupportedOperationException\\\\(.*\\\\);", body));\n'
    "}\n"
    "INDArray zeros = Nd4j.zeros(DataType.DOUBLE, 1, 2);\n"
    "INDArray w = Nd4j.zeros(DataType.DOUBLE, 2, 4);\n"
    "INDArray b = Nd4j.zeros(DataType.DOUBLE, 2);",                          # 0
    "expectedOutput(E3)",                                                     # 1: the starter file
    "mine(E3).forgetGate(zeros, zeros, w, b)",                                # 2
    'save("return Transforms.tanh(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));");\n'
    "mine(E3).forgetGate(zeros, zeros, w, b).getDouble(0)",                   # 3: tanh(0) = 0
    "expectedOutput(E3)",                                                     # 4
    'save("return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));");\n'
    "mine(E3).forgetGate(zeros, zeros, w, b).getDouble(0)",                   # 5: σ(0) = 0.5
    "expectedOutput(E3)",                                                     # 6
    'save("return Transforms.sigmoid(hPrev)");\n'
    "mine(E3).forgetGate(zeros, zeros, w, b)",                                # 7: a missing ;
    'save("throw new IllegalStateException(\\"my bug\\");");\n'
    "mine(E3).forgetGate(zeros, zeros, w, b)",                                # 8
    "expectedOutput(E3)",                                                     # 9
])
