package org.lstmlab.kernel;

import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.lstmlab.kernel.widgets.Comms;

/**
 * The LSTM Lab Jupyter kernel: evaluates Java cells with JShell inside this JVM, renders values
 * with {@link Rendering}, buffers output with {@link CellOutput}, and supports the IJava magics
 * {@code %classpath}, {@code %jars}, {@code %maven} ({@link MavenMagic}), {@code %load}, {@code %%time} and
 * {@code %lsmagic}, and JShell's commands {@code /vars}, {@code /methods}, {@code /types}, {@code /imports},
 * {@code /list}, {@code /reset} ({@link ShellCommands}).
 */
public final class LabKernel extends BaseKernel {

    /** The messaging protocol version of this kernel's messages (the base library's headers carry it too). */
    static final String PROTOCOL_VERSION = org.dflib.jjava.jupyter.messages.Header.PROTOCOL_VERISON;

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w+)(.*)$");
    private static final MIMEType TEXT = MIMEType.parse("text/plain");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\w+)([^\\n]*)\\n?(.*)$", Pattern.DOTALL);

    private final InProcessExecutionControl control = new InProcessExecutionControl();
    private final CompletableFuture<JShell> shell = new CompletableFuture<>();
    private final List<String> notebookClasspath;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private final CellOutput output;
    private final PrintStream kernelErr = System.err;
    /** Display ids and widget model ids: random, or counted when {@value OutputIds#SEQUENTIAL} is set. */
    private final OutputIds ids = OutputIds.of(System.getenv());

    private final Displays displays = new Displays(this::publishInCell, kernelErr, ids::display);
    private final JavaCells javaCells = new JavaCells(control, displays);
    private volatile ShellReplyEnvironment cellEnv;
    private volatile boolean cellSilent;
    /** The snippets JShell holds once started (the course's imports): out of /list, kept by /reset. */
    private volatile java.util.Set<jdk.jshell.Snippet> startupSnippets = java.util.Set.of();

    private volatile JupyterConnection connection;
    private final Comms comms = Comms.install(new CommTransport(), ids::comm);
    /** The last request's environment: widgets changed by a thread outside any request publish there. */
    private volatile ShellReplyEnvironment lastEnv;

    private final KernelUsage usage = new KernelUsage();
    private volatile Message<ExecuteRequest> cellRequest;
    private volatile FrontendInput frontendInput;
    private volatile JavadocIndex javadocIndex;
    private final MavenMagic maven = new MavenMagic(System.getenv());
    private final java.util.Set<String> onClasspath = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final SessionHistory history;
    /** The files {@code %load} is running, innermost first: relative paths in them start at their folder. */
    private final java.util.Deque<Path> loading = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** The kernel's own line magics ({@code %lsmagic} lists them, with JShell's commands as magics). */
    static final List<String> LINE_MAGICS = List.of(
            "classpath",
            "jars",
            "maven",
            "load",
            "lsmagic",
            "loadFromPOM",
            "mavenRepo",
            "addMavenRepo",
            "addMavenDependency",
            "addMavenDependencies",
            "time");
    /** The kernel's own cell magics. */
    static final List<String> CELL_MAGICS = List.of("time", "loadFromPOM");

    private LabKernel(Builder b, List<String> notebookClasspath, SessionHistory history) {
        super(
                b.buildName(),
                b.buildVersion(),
                new LanguageInfo(
                        "Java",
                        Runtime.version().toString(),
                        "text/x-java-source",
                        ".jshell",
                        "java",
                        "java",
                        "script"),
                HelpLinks.asBaseLibraryLinks(System.getenv()),
                history,
                b.buildJupyterIO(b.buildJupyterIOEncoding()),
                b.buildCommManager(),
                b.buildRenderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", b.buildMagicTranspiler()),
                b.buildMagicsRegistry(),
                false,
                b.buildErrorStyler());
        this.output = new CellOutput(this::publishStream);
        System.setOut(output.out);
        System.setErr(output.err);
        System.setIn(new NotebookInput(this::readLineFromFrontend));
        Notebook.setDisplayer(displays);
        Notebook.setEvaluator(this::evalRaw);
        Notebook.setMagicRunner(new Notebook.MagicRunner() {
            @Override
            public Object line(String name, List<String> args) {
                String joined = MagicExpressions.join(args);
                if (name.equals("time")) {
                    Object[] value = timed(joined);
                    return value == null ? null : value[0];
                }
                return lineMagic(name, joined);
            }

            @Override
            public Object cell(String name, List<String> args, String body) {
                Object[] value = runCellMagic(name, MagicExpressions.join(args), body);
                return value == null ? null : value[0];
            }

            @Override
            public boolean has(String name, boolean line) {
                return line
                        ? LINE_MAGICS.contains(name) || ShellCommands.NAMES.contains(name)
                        : CELL_MAGICS.contains(name);
            }
        });
        ProgressInPlace.install(displays);
        this.notebookClasspath = List.copyOf(notebookClasspath);
        notebookClasspath.forEach(entry ->
                onClasspath.add(Path.of(entry).toAbsolutePath().normalize().toString()));
        this.history = history;
    }

    /**
     * Starts JShell (and loads ND4J's natives, when on the classpath) on a background thread, so
     * Jupyter gets its first reply while the compiler warms up. Cells wait for JShell.
     */
    public void startInBackground() {
        if (started.getAndSet(true)) {
            return;
        }
        Thread starter = new Thread(
                () -> {
                    try {
                        shell.complete(startShell(notebookClasspath));
                    } catch (Throwable e) {
                        shell.completeExceptionally(e);
                    }
                },
                "kernel-start");
        starter.setDaemon(true);
        starter.start();
        Thread nd4j = new Thread(this::warmUpNd4j, "nd4j-warm-up"); // in parallel: it waits on disk and natives
        nd4j.setDaemon(true);
        nd4j.start();
    }

    /** Loads ND4J's backend before the first cell needs it (its natives take seconds to load). */
    private void warmUpNd4j() {
        try {
            Class<?> nd4j = Class.forName("org.nd4j.linalg.factory.Nd4j", true, ClassLoader.getSystemClassLoader());
            long started = System.nanoTime();
            nd4j.getMethod("scalar", double.class).invoke(null, 1.0);
            log("ND4J loaded in %.2f s", (System.nanoTime() - started) / 1e9);
        } catch (ClassNotFoundException e) {
            // a classpath without ND4J: nothing to warm up
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            kernelErr.println(
                    "lstm-lab kernel: ND4J did not load at start-up (" + e + "); the first ND4J cell will say why");
        }
    }

    /**
     * Creates the kernel and starts JShell in the background.
     *
     * @param notebookClasspath the classpath entries notebook code compiles against
     * @return the kernel, ready to handle a connection
     */
    public static LabKernel create(List<String> notebookClasspath) {
        return new LabKernel(new Builder(), notebookClasspath, new SessionHistory());
    }

    private JShell startShell(List<String> notebookClasspath) {
        long started = System.nanoTime();
        JShell jshell = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .out(output.out)
                .err(output.err)
                .compilerOptions("-Xlint:none")
                .build();
        log("JShell built in %.2f s", (System.nanoTime() - started) / 1e9);
        jshell.addToClasspath(String.join(java.io.File.pathSeparator, notebookClasspath));
        log("classpath added at %.2f s", (System.nanoTime() - started) / 1e9);
        List<String> statements = StartupSnippet.imports(ClassLoader.getSystemClassLoader());
        List<SnippetEvent> all = jshell.eval(String.join(" ", statements)); // one compilation for all
        if (all.isEmpty() || !all.get(0).status().isDefined()) {
            all.stream().findFirst().ifPresent(event -> jshell.drop(event.snippet()));
            for (String statement : statements) { // find the import that failed; keep the others
                List<SnippetEvent> events = jshell.eval(statement);
                if (events.isEmpty() || !events.get(0).status().isDefined()) {
                    kernelErr.println("lstm-lab kernel: skipped start-up import " + statement);
                }
            }
        }
        log("imports done at %.2f s", (System.nanoTime() - started) / 1e9);
        // The first evaluation warms the compiler and the execution path up; the variable goes again.
        jshell.eval("int $warmUp = 1 + 1;").forEach(event -> jshell.drop(event.snippet()));
        startupSnippets = jshell.snippets().collect(Collectors.toSet());
        log("JShell ready in %.2f s", (System.nanoTime() - started) / 1e9);
        return jshell;
    }

    // ---------------------------------------------------------------------------------- protocol

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        this.connection = connection;
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfo);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfo);
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, this::handleCommOpen);
        connection.setHandler(MessageType.COMM_MSG_COMMAND, this::handleCommMsg);
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, this::handleCommClose);
        connection.setHandler(MessageType.IS_COMPLETE_REQUEST, this::handleIsComplete);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::handleShutdown);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, this::handleInterrupt);
        connection.setHandler(ProtocolMessages.USAGE_REQUEST, this::handleUsage);
        connection.setHandler(ProtocolMessages.DEBUG_REQUEST, this::handleDebug);
        if (connection instanceof LabConnection) {
            frontendInput = new FrontendInput(((LabConnection) connection).stdinChannel());
        }
        output.startTimer(100);
    }

    /**
     * Runs a cell as ipykernel does: {@code silent} runs it without a broadcast (no execute_input, no
     * output, no execute_result, no count); {@code store_history: false} neither counts nor records it;
     * {@code user_expressions} are evaluated after a cell that succeeded and returned in the reply; and
     * after an error with {@code stop_on_error} the execute requests already queued are answered
     * {@code aborted} without running ({@link #abortQueuedExecutions}).
     */
    private void handleExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean counted = !silent && request.shouldStoreHistory();
        boolean[] failed = {false};
        // Deferrals run last-in first-out: this one runs after the reply and the idle status.
        env.defer(() -> {
            if (failed[0] && !silent && request.shouldStopOnError()) {
                abortQueuedExecutions(env);
            }
        });
        commManager.setMessageContext(message);
        int count = counted ? executionCount.getAndIncrement() : executionCount.get() - 1;
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        cellEnv = env;
        lastEnv = env;
        cellSilent = silent;
        cellRequest = message;
        displays.cellStarted();
        String shownText = null;
        Map<String, Object> reply = new LinkedHashMap<>();
        try {
            CellGuard.clearStop();
            Object[] result = runCell(request.getCode());
            output.flush();
            DisplayData shown = result == null ? null : displayData(result[0]);
            if (shown != null && !silent) {
                env.publish(new PublishExecuteResult(count, shown));
            }
            shownText = shown == null ? null : String.valueOf(shown.getData(TEXT));
            reply.put("status", "ok");
            reply.put("execution_count", count);
            reply.put("user_expressions", userExpressions(request.getUserExpr()));
            reply.put("payload", List.of());
        } catch (RuntimeException e) {
            output.flush();
            CellError error = e instanceof CellError ? (CellError) e : CellError.fromThrowable(e, "kernel error: ");
            if (!silent) {
                env.publish(new PublishError(error.name, error.value, error.traceback));
            }
            failed[0] = true;
            reply.put("status", "error");
            reply.put("execution_count", count);
            reply.put("ename", error.name);
            reply.put("evalue", error.value);
            reply.put("traceback", error.traceback);
            reply.put("user_expressions", Map.of());
            reply.put("payload", List.of());
        } finally {
            control.forgetValues();
            output.flush();
            cellEnv = null;
            cellSilent = false;
            cellRequest = null;
            if (counted) {
                history.add(count, request.getCode(), shownText);
            }
        }
        env.defer();
        ProtocolMessages.reply(env, ExecuteReply.MESSAGE_TYPE, reply);
    }

    /**
     * The user_expressions of an execute_request, each evaluated in the notebook's shell after the
     * cell: {@code {status: ok, data, metadata}} or {@code {status: error, ename, evalue, traceback}}.
     * What an expression prints is not shown, and the temporary variable JShell makes for its value goes.
     */
    private Map<String, Object> userExpressions(Map<String, String> expressions) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (expressions == null || expressions.isEmpty()) {
            return values;
        }
        JShell jshell = shell.join();
        boolean wasSilent = cellSilent;
        cellSilent = true;
        try {
            for (Map.Entry<String, String> expression : expressions.entrySet()) {
                java.util.Set<jdk.jshell.Snippet> before = jshell.snippets().collect(Collectors.toSet());
                Map<String, Object> value = new LinkedHashMap<>();
                try {
                    Object[] result = javaCells.eval(jshell, expression.getValue(), 0);
                    output.flush();
                    if (result == null) {
                        throw new CellError(
                                "NotAnExpression",
                                "a user expression must be a Java expression with a value, but got: "
                                        + expression.getValue(),
                                List.of("NotAnExpression: " + expression.getValue()));
                    }
                    value.put("status", "ok");
                    value.put("data", Rendering.render(result[0]));
                    value.put("metadata", Map.of());
                } catch (RuntimeException e) {
                    CellError error = e instanceof CellError ? (CellError) e : CellError.fromThrowable(e, "");
                    value.put("status", "error");
                    value.put("ename", error.name);
                    value.put("evalue", error.value);
                    value.put("traceback", error.traceback);
                } finally {
                    control.forgetValues();
                    jshell.snippets()
                            .filter(s -> !before.contains(s))
                            .filter(s -> s.subKind() == jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                                    || s.kind() == jdk.jshell.Snippet.Kind.EXPRESSION)
                            .toList()
                            .forEach(jshell::drop);
                }
                values.put(expression.getKey(), value);
            }
        } finally {
            output.flush();
            cellSilent = wasSilent;
        }
        return values;
    }

    /**
     * After a cell failed: answers every execute_request already waiting on the shell socket with status
     * {@code aborted}, without running it, as ipykernel does (Run All stops at the first error). Other
     * requests that wait there (completion, inspection, ...) are handled as usual, in order.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void abortQueuedExecutions(ShellReplyEnvironment env) {
        JupyterSocket socket = env.getShell();
        if (!(socket instanceof ShellChannel) || connection == null) {
            return;
        }
        while ((socket.getEvents() & org.zeromq.ZMQ.Poller.POLLIN) != 0) {
            Message<?> next = socket.readMessage();
            if (next == null) {
                return;
            }
            ShellReplyEnvironment nextEnv = connection.prepareReplyEnv((ShellChannel) socket, next);
            MessageType<?> type = next.getHeader().getType();
            if (type == MessageType.EXECUTE_REQUEST) {
                nextEnv.setStatusBusy();
                nextEnv.reply(new Message<>(
                        next,
                        (MessageType) ExecuteReply.MESSAGE_TYPE,
                        Map.of("status", "aborted"),
                        null,
                        Map.of("status", "aborted")));
                nextEnv.setStatusIdle();
                continue;
            }
            ShellHandler handler = connection.getHandler((MessageType) type);
            if (handler == null) {
                continue;
            }
            try {
                handler.handle(nextEnv, next);
            } finally {
                nextEnv.resolveDeferrals();
            }
        }
    }

    /** kernel_info_reply with its status and the help links (the base library's reply has no status). */
    private void handleKernelInfo(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.request.KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.defer(this::startInBackground);
        if (!started.get()) {
            log(
                    "first kernel_info reply %.2f s after the JVM started",
                    (System.currentTimeMillis()
                                    - java.lang.management.ManagementFactory.getRuntimeMXBean()
                                            .getStartTime())
                            / 1e3);
        }
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("name", languageInfo.getName());
        language.put("version", languageInfo.getVersion());
        language.put("mimetype", languageInfo.getMimetype());
        language.put("file_extension", languageInfo.getFileExtension());
        language.put("pygments_lexer", languageInfo.getPygmentsLexer());
        language.put("codemirror_mode", languageInfo.getCodemirrorMode());
        language.put("nbconvert_exporter", languageInfo.getNbconvertExporter());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("protocol_version", PROTOCOL_VERSION);
        reply.put("implementation", name);
        reply.put("implementation_version", version);
        reply.put("language_info", language);
        reply.put("banner", getBanner());
        reply.put("help_links", HelpLinks.forThisKernel(System.getenv()));
        reply.put("debugger", false); // JupyterLab then shows no debugger and sends no debug_request
        env.defer();
        ProtocolMessages.reply(env, org.dflib.jjava.jupyter.messages.reply.KernelInfoReply.MESSAGE_TYPE, reply);
    }

    /** comm_info_reply: the open comms (of one target, when asked) and the status. */
    private void handleCommInfo(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.request.CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target =
                message.getContent() == null ? null : message.getContent().getTargetName();
        Map<String, Object> comms = new LinkedHashMap<>();
        this.comms.openComms(target).forEach((id, name) -> comms.put(id, Map.of("target_name", name)));
        env.defer();
        ProtocolMessages.reply(
                env,
                org.dflib.jjava.jupyter.messages.reply.CommInfoReply.MESSAGE_TYPE,
                Map.of("status", "ok", "comms", comms));
    }

    /** comm_open from the front end: a comm for a target of {@link Comms} (the widgets' control comm). */
    private void handleCommOpen(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.comm.CommOpenCommand> message) {
        var open = message.getContent();
        inComm(
                env,
                message,
                () -> comms.openedByFrontEnd(
                        open.getCommID(), open.getTargetName(), CommJson.toMap(open.getData()), blobs(message)));
    }

    /** comm_msg from the front end: a widget's update, request_state, or the control comm's request_states. */
    private void handleCommMsg(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.comm.CommMsgCommand> message) {
        var msg = message.getContent();
        inComm(
                env,
                message,
                () -> comms.messageFromFrontEnd(msg.getCommID(), CommJson.toMap(msg.getData()), blobs(message)));
    }

    /** comm_close from the front end: the comm is forgotten and no longer in comm_info. */
    private void handleCommClose(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.comm.CommCloseCommand> message) {
        inComm(env, message, () -> comms.closedByFrontEnd(message.getContent().getCommID()));
    }

    private static List<byte[]> blobs(Message<?> message) {
        return message.getBlobs() == null ? List.of() : message.getBlobs();
    }

    /**
     * Handles a comm message as ipykernel does: busy, then idle; what the handler prints or displays (a widget's
     * callback) is published with the comm message as parent, so an Output widget capturing it shows it. A handler
     * that fails prints why on the kernel's standard error, and the kernel goes on.
     */
    private void inComm(ShellReplyEnvironment env, Message<?> message, Runnable handle) {
        env.setBusyDeferIdle();
        cellEnv = env;
        lastEnv = env;
        try {
            handle.run();
        } catch (RuntimeException e) {
            System.err.println("a widget's handler failed on "
                    + message.getHeader().getType().getName() + ": " + e);
            kernelErr.println("lstm-lab kernel: comm handler failed: " + e);
        } finally {
            output.flush();
            cellEnv = null;
        }
    }

    /** Where comm messages go: the IOPub of the request being handled (a cell, a comm message), as its child. */
    private final class CommTransport implements Comms.Transport {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void send(
                String msgType, Map<String, Object> content, Map<String, Object> metadata, List<byte[]> buffers) {
            ShellReplyEnvironment env = cellEnv;
            if (env == null) {
                env = lastEnv;
            }
            if (env == null) {
                kernelErr.println("lstm-lab kernel: " + msgType + " outside any request, dropped");
                return;
            }
            output.flush(); // what was printed before the widget changed shows before it
            MessageType type = MessageType.getType(msgType);
            // null, not an empty list: the base library ends a message with blobs only after its last blob
            List<byte[]> blobs = buffers == null || buffers.isEmpty() ? null : buffers;
            env.publish(new Message<>(env.getContext(), type, content, blobs, metadata));
        }

        @Override
        public String parentMessageId() {
            ShellReplyEnvironment env = cellEnv;
            return env != null && env.getContext() instanceof Message<?> parent
                    ? parent.getHeader().getId()
                    : "";
        }
    }

    /** is_complete_reply from {@link CodeCompleteness}: complete, incomplete with an indent, or invalid. */
    private void handleIsComplete(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.request.IsCompleteRequest> message) {
        env.setBusyDeferIdle();
        CodeCompleteness.Answer answer = CodeCompleteness.of(
                shell.join().sourceCodeAnalysis(), message.getContent().getCode());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", answer.status());
        if (answer.indent() != null) {
            reply.put("indent", answer.indent());
        }
        env.defer();
        ProtocolMessages.reply(env, org.dflib.jjava.jupyter.messages.reply.IsCompleteReply.MESSAGE_TYPE, reply);
    }

    /** shutdown_reply with status and restart, then the connection closes. */
    private void handleShutdown(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.request.ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.defer();
        ProtocolMessages.reply(
                env,
                org.dflib.jjava.jupyter.messages.reply.ShutdownReply.MESSAGE_TYPE,
                Map.of("status", "ok", "restart", restart));
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    /** interrupt_reply with its status, after the running cell was asked to stop. */
    private void handleInterrupt(
            ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.request.InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer();
        ProtocolMessages.reply(
                env, org.dflib.jjava.jupyter.messages.reply.InterruptReply.MESSAGE_TYPE, Map.of("status", "ok"));
        interrupt();
    }

    /**
     * debug_reply (control channel) refusing the Debug Adapter Protocol request it answers: the kernel has no
     * debugger (kernel_info says {@code debugger: false}), and a front end that asks all the same is told so
     * in DAP's own shape ({@code success: false}, the request's {@code seq} and {@code command}, a message).
     */
    private void handleDebug(ShellReplyEnvironment env, Message<Object> message) {
        env.setBusyDeferIdle();
        Object request = message.getContent();
        Map<?, ?> dap = request instanceof Map<?, ?> map ? map : Map.of();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("type", "response");
        reply.put("request_seq", dap.get("seq") instanceof Number seq ? seq.intValue() : 0);
        reply.put("success", false);
        reply.put("command", dap.get("command") instanceof String command ? command : "");
        reply.put("message", "the lstm-lab kernel has no debugger (kernel_info_reply: debugger false)");
        reply.put("body", Map.of());
        env.defer();
        ProtocolMessages.reply(env, ProtocolMessages.DEBUG_REPLY, reply);
    }

    /** usage_reply (control channel): the kernel's memory and CPU, as {@link KernelUsage} measures them. */
    private void handleUsage(ShellReplyEnvironment env, Message<Object> message) {
        env.setBusyDeferIdle();
        Map<String, Object> reply = usage.measure();
        env.defer();
        ProtocolMessages.reply(env, ProtocolMessages.USAGE_REPLY, reply);
    }

    private void publishStream(CellOutput.Stream stream, String text) {
        ShellReplyEnvironment env = cellEnv;
        if (env == null) {
            kernelErr.print(text); // printed by a thread outside any cell: keep it in the kernel log
            return;
        }
        if (cellSilent) {
            return; // a silent execution broadcasts nothing
        }
        env.publish(new PublishStream(
                stream == CellOutput.Stream.OUT ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text));
    }

    /** One line typed into the front end's input box (Jupyter's input_request), for System.in. */
    private String readLineFromFrontend() throws InterruptedIOException {
        Message<ExecuteRequest> request = cellRequest;
        FrontendInput input = frontendInput;
        if (request == null || input == null) {
            throw new StdinUnavailable("no cell is running (a thread left behind by a cell read System.in)");
        }
        if (!request.getContent().isStdinEnabled()) {
            throw new StdinUnavailable("the front end running this notebook accepts no input (it sent allow_stdin ="
                    + " false, as nbclient, nbconvert and ./lab run-notebooks do); put the value in the code instead");
        }
        output.flush(); // a prompt printed with System.out.print shows above the input box
        return input.readLine(request, "");
    }

    /** Publishes a display message below the running cell, after what it printed so far. */
    private <T extends ContentType<T>> boolean publishInCell(T content) {
        ShellReplyEnvironment env = cellEnv;
        if (env == null) {
            return false;
        }
        if (cellSilent) {
            return true; // a silent execution broadcasts nothing
        }
        output.flush();
        env.publish(content);
        return true;
    }

    private static DisplayData displayData(Object value) {
        return Displays.data(value);
    }

    /** Answers from the cells this kernel ran, as protocol tuples ({@link SessionHistory#replyContent}). */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        @SuppressWarnings({"unchecked", "rawtypes"})
        MessageType<Object> type = (MessageType) HistoryReply.MESSAGE_TYPE;
        Object content = SessionHistory.replyContent(history.answer(message.getContent()));
        env.reply(new Message<>(env.getContext(), type, content));
    }

    /** Start-up timings for the kernel log, when {@code LSTMLAB_KERNEL_LOG} is set. */
    private void log(String format, Object... args) {
        if (System.getenv("LSTMLAB_KERNEL_LOG") != null) {
            double cpu = ProcessHandle.current()
                    .info()
                    .totalCpuDuration()
                    .map(d -> d.toMillis() / 1e3)
                    .orElse(-1.0);
            kernelErr.println("lstm-lab kernel: " + String.format(Locale.ROOT, format, args)
                    + String.format(Locale.ROOT, " (process CPU so far %.2f s)", cpu));
        }
    }

    @Override
    public void interrupt() {
        control.interrupt();
    }

    @Override
    public void onShutdown(boolean restart) {
        control.stopForShutdown();
    }

    // ---------------------------------------------------------------------------------- cells

    /**
     * Runs one cell: magics first, Java through JShell.
     *
     * @return {@code null} when the cell shows no value, else a one-element array with the value
     */
    Object[] runCell(String code) {
        Matcher cellMagic = CELL_MAGIC.matcher(code);
        if (cellMagic.matches()) {
            Object[] value = runCellMagic(cellMagic.group(1), cellMagic.group(2).trim(), cellMagic.group(3));
            return cellMagic.group(1).equals("loadFromPOM") ? null : value; // the jars it added: the lines say them
        }
        Object[] last = null;
        StringBuilder java = new StringBuilder();
        int javaStartLine = 0;
        String[] lines = code.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Matcher lineMagic = LINE_MAGIC.matcher(lines[n]);
            Matcher command = ShellCommands.COMMAND.matcher(lines[n]);
            if (command.matches()) { // JShell's /vars, /list, ...: like a line magic
                if (!java.toString().isBlank()) {
                    java(java.toString(), javaStartLine);
                }
                java.setLength(0);
                javaStartLine = n + 1;
                ShellCommands.run(shell.join(), startupSnippets, command.group(1), command.group(2));
                last = null;
            } else if (lineMagic.matches() && !lines[n].trim().startsWith("%%")) {
                if (!java.toString().isBlank()) {
                    java(java.toString(), javaStartLine);
                }
                java.setLength(0);
                javaStartLine = n + 1;
                if (lineMagic.group(1).equals("time")) { // IJava's %time STATEMENT: its value is the cell's
                    last = timed(lineMagic.group(2).trim());
                } else {
                    lineMagic(lineMagic.group(1), lineMagic.group(2).trim());
                    last = null;
                }
            } else {
                java.append(lines[n]).append('\n');
            }
        }
        if (!java.toString().isBlank()) {
            last = java(java.toString(), javaStartLine);
        }
        return last;
    }

    private Object[] runCellMagic(String name, String args, String body) {
        if (name.equals("time")) {
            return timed(body);
        }
        if (name.equals("loadFromPOM")) {
            List<String> added = addPom(maven.readPom(body, "%%loadFromPOM"), "%%loadFromPOM");
            return new Object[] {added};
        }
        Notebook.CellMagicBody registered = Notebook.registeredCellMagic(name);
        if (registered != null) {
            try {
                return new Object[] {registered.apply(MagicExpressions.split(args), body)};
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw magicFailed("%%" + name, e);
            }
        }
        throw new CellError(
                "UndefinedMagic",
                "%%" + name + " is not a cell magic of this kernel;" + " %lsmagic lists them",
                List.of("UndefinedMagic: %%" + name + " is not a cell magic of this kernel"));
    }

    /** Runs code as a cell and prints its wall time after what it printed ({@code %%time}, {@code %time}). */
    private Object[] timed(String code) {
        long start = System.nanoTime();
        try {
            return runCell(code);
        } finally {
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "Wall time: %.0f ms%n", millis);
        }
    }

    private static CellError magicFailed(String magic, Exception e) {
        String message = magic + " failed: " + e;
        return new CellError("MagicError", message, List.of("MagicError: " + message));
    }

    /**
     * The folder relative paths of magics start at: the folder of the file {@code %load} is running, else the
     * kernel's (the notebook's).
     */
    private Path folder() {
        Path file = loading.peek();
        return file == null ? Path.of("").toAbsolutePath() : file.getParent();
    }

    /**
     * Runs a line magic.
     *
     * @return its value, for a magic in expression position ({@link Notebook#lineMagic}): the paths {@code %jars}
     *     and {@code %classpath} added, the jars the Maven magics added, else null
     */
    private Object lineMagic(String name, String args) {
        switch (name) {
            case "classpath", "jars" -> {
                JShell jshell = shell.join();
                List<String> added = new java.util.ArrayList<>();
                for (String arg : MagicExpressions.split(args)) {
                    for (Path path : Globs.resolve(folder(), arg)) {
                        String entry = path.toAbsolutePath().normalize().toString();
                        jshell.addToClasspath(entry);
                        onClasspath.add(entry);
                        added.add(entry);
                        System.out.println("added to the classpath: " + entry);
                    }
                }
                return added;
            }
            case "maven", "addMavenDependency", "addMavenDependencies" -> {
                return addMavenArtifacts(args);
            }
            case "mavenRepo", "addMavenRepo" -> {
                MavenMagic.Repository repository = maven.addRepository(args);
                System.out.println(
                        "%mavenRepo: later resolutions also read " + repository.id() + " at " + repository.url());
            }
            case "loadFromPOM" -> {
                String file = args.strip().replaceAll("^\"(.*)\"$", "$1");
                Path pom = folder().resolve(file).toAbsolutePath().normalize();
                String text;
                try {
                    text = java.nio.file.Files.readString(pom);
                } catch (java.io.IOException e) {
                    String message = "%loadFromPOM cannot read " + pom + " ("
                            + e.getClass().getSimpleName() + ")";
                    throw new CellError("LoadFromPomError", message, List.of("LoadFromPomError: " + message));
                }
                return addPom(maven.readPom(text, pom.toString()), "%loadFromPOM");
            }
            case "load" -> load(args);
            case "time" -> {
                Object[] value = timed(args);
                return value == null ? null : value[0];
            }
            case "vars", "methods", "types", "imports", "list", "drop", "reset" ->
                ShellCommands.run(shell.join(), startupSnippets, name, args);
            case "lsmagic" ->
                System.out.println("Line magics: %classpath %jars %maven %load %lsmagic "
                        + ShellCommands.NAMES.stream().map(c -> "%" + c).collect(Collectors.joining(" "))
                        + " %loadFromPOM %mavenRepo %addMavenRepo %addMavenDependency %addMavenDependencies %time"
                        + "\nCell magics: %%time %%loadFromPOM\nJShell commands: "
                        + ShellCommands.NAMES.stream().map(c -> "/" + c).collect(Collectors.joining(" ")));
            default -> {
                Notebook.LineMagicBody registered = Notebook.registeredLineMagic(name);
                if (registered == null) {
                    throw new CellError(
                            "UndefinedMagic",
                            "%" + name + " is not a line magic of this kernel; %lsmagic lists them",
                            List.of("UndefinedMagic: %" + name + " is not a line magic of this kernel"));
                }
                try {
                    return registered.apply(MagicExpressions.split(args));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw magicFailed("%" + name, e);
                }
            }
        }
        return null;
    }

    /**
     * {@code %load PATH}: runs the file's code (a notebook's code cells in order) with the file's folder as the
     * start of relative paths inside it, so a loaded notebook's own {@code %load ../utils/X.java} finds its file.
     */
    private void load(String args) {
        Path file = ShellCommands.find(args, folder());
        if (loading.contains(file)) {
            List<String> names = new java.util.ArrayList<>();
            loading.descendingIterator()
                    .forEachRemaining(p -> names.add(p.getFileName().toString()));
            names.add(file.getFileName().toString());
            String chain = String.join(" → ", names);
            String message = "%load of " + file + " while it is being loaded (" + chain + ") would never end";
            throw new CellError("LoadError", message, List.of("LoadError: " + message));
        }
        loading.push(file);
        try {
            ShellCommands.code(file).forEach(this::runCell);
        } finally {
            loading.pop();
        }
    }

    /** {@code %maven group:artifact:version ...}: the artifacts and their dependencies join the classpath. */
    private List<String> addMavenArtifacts(String args) {
        List<MavenMagic.Coordinate> coordinates = MavenMagic.parse(args);
        System.out.println("%maven: resolving " + args.trim() + " with Maven (~/.m2/repository, then Maven Central"
                + repositoryNames() + ")");
        return addToClasspath(coordinates);
    }

    /** {@code %%loadFromPOM} and {@code %loadFromPOM FILE}: the POM's dependencies join the classpath. */
    private List<String> addPom(MavenMagic.Pom pom, String magic) {
        System.out.println(magic + ": resolving "
                + pom.dependencies().stream()
                        .map(MavenMagic.Coordinate::toString)
                        .collect(Collectors.joining(" "))
                + " with Maven (~/.m2/repository, then Maven Central" + repositoryNames() + ")");
        return addToClasspath(pom.dependencies());
    }

    private String repositoryNames() {
        return maven.repositories().stream()
                .map(r -> ", " + r.id() + " " + r.url())
                .collect(Collectors.joining());
    }

    private List<String> addToClasspath(List<MavenMagic.Coordinate> coordinates) {
        JShell jshell = shell.join();
        output.flush();
        List<Path> jars = maven.resolve(coordinates, CellGuard::stopRequested);
        List<MavenMagic.Clash> clashes = MavenMagic.clashes(coordinates, jars, onClasspath);
        if (!clashes.isEmpty()) { // take the clashing artifacts in the release the kernel carries
            coordinates = MavenMagic.aligned(coordinates, clashes);
            try {
                jars = maven.resolve(coordinates, CellGuard::stopRequested);
            } catch (CellError e) {
                if (e.name.equals("CellInterrupted")) {
                    throw e;
                }
                throw MavenMagic.unaligned(clashes, e);
            }
            clashes.forEach(clash -> System.out.println(clash.message()));
        }
        List<String> added = new java.util.ArrayList<>();
        for (MavenMagic.Placement placement :
                MavenMagic.place(jars, onClasspath, MavenMagic.repositoryRoot(coordinates, jars))) {
            if (placement.kind() == MavenMagic.Placement.Kind.ADD) {
                jshell.addToClasspath(placement.jar());
                onClasspath.add(placement.jar());
                added.add(placement.jar());
            }
            System.out.println(placement.message());
        }
        return added;
    }

    private Object[] java(String code, int firstLine) {
        return javaCells.eval(shell.join(), MagicExpressions.transform(code), firstLine);
    }

    // ---------------------------------------------------------------------------------- editor

    @Override
    public Object evalRaw(String code) {
        Object[] value = runCell(code);
        return value == null ? null : value[0];
    }

    /**
     * Shift-Tab: the signatures JShell finds at the cursor, each with the library's Javadoc from the
     * index built with the kernel ({@link JavadocIndex}).
     */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        SourceCodeAnalysis analysis = shell.join().sourceCodeAnalysis();
        String snippet = currentSnippet(analysis, code.substring(0, utf16Index(code, at)));
        var docs = analysis.documentation(snippet, snippet.length(), false);
        if (docs.isEmpty()) {
            return null;
        }
        JavadocIndex index = javadoc();
        return new DisplayData(docs.stream()
                .map(d -> {
                    String doc = d.javadoc() != null ? d.javadoc() : index.lookup(d.signature());
                    return d.signature() + (doc == null ? "" : "\n\n" + doc);
                })
                .distinct()
                .collect(Collectors.joining("\n\n" + "─".repeat(40) + "\n\n")));
    }

    private JavadocIndex javadoc() {
        JavadocIndex index = javadocIndex;
        if (index == null) {
            index = JavadocIndex.load(StartupSnippet.PACKAGES);
            javadocIndex = index;
        }
        return index;
    }

    /**
     * The snippet the cursor is in: the code after the last complete statement before it, or that
     * statement when the code before the cursor is complete ({@code LstmCell|}). JShell documents one
     * snippet, not a cell of several.
     */
    static String currentSnippet(SourceCodeAnalysis analysis, String before) {
        String remaining = before;
        String last = before;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                return remaining;
            }
            last = remaining.substring(0, remaining.length() - info.remaining().length());
            remaining = info.remaining();
        }
        return last;
    }

    /**
     * Tab: JShell's completions at the cursor. The protocol counts {@code cursor_pos}, {@code cursor_start}
     * and {@code cursor_end} in Unicode code points (messaging 5.2+), JShell in UTF-16 units: they differ after
     * a character outside the Basic Multilingual Plane (𝜎, an emoji), so both ways are converted here.
     */
    @Override
    public ReplacementOptions complete(String code, int at) {
        int cursor = utf16Index(code, at);
        int[] anchor = new int[1];
        List<String> options = shell.join().sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, code.codePointCount(0, anchor[0]), code.codePointCount(0, cursor));
    }

    /** The UTF-16 index of the code point at {@code codePoints} (the protocol's cursor), clamped to the code. */
    static int utf16Index(String code, int codePoints) {
        int count = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, count)));
    }

    @Override
    public String isComplete(String code) {
        var completeness =
                shell.join().sourceCodeAnalysis().analyzeCompletion(code).completeness();
        if (completeness.isComplete() || completeness == SourceCodeAnalysis.Completeness.EMPTY) {
            return IS_COMPLETE_YES;
        }
        return completeness == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE ? "    " : IS_COMPLETE_MAYBE;
    }

    @Override
    public String getBanner() {
        return "LSTM Lab Java kernel (JShell, Java " + Runtime.version() + ")";
    }

    /** The builder the base library needs for its defaults. */
    static final class Builder extends BaseKernelBuilder<Builder, LabKernel> {
        Builder() {
            name("lstm-lab");
            version("0.1.0");
        }

        @Override
        public LabKernel build() {
            throw new UnsupportedOperationException("use LabKernel.create");
        }

        // Re-declared so the kernel (same package) may call the base library's protected defaults.
        @Override
        protected String buildName() {
            return super.buildName();
        }

        @Override
        protected String buildVersion() {
            return super.buildVersion();
        }

        @Override
        protected java.nio.charset.Charset buildJupyterIOEncoding() {
            return super.buildJupyterIOEncoding();
        }

        @Override
        protected org.dflib.jjava.jupyter.kernel.JupyterIO buildJupyterIO(java.nio.charset.Charset c) {
            return super.buildJupyterIO(c);
        }

        @Override
        protected org.dflib.jjava.jupyter.kernel.comm.CommManager buildCommManager() {
            return super.buildCommManager();
        }

        @Override
        protected org.dflib.jjava.jupyter.kernel.display.Renderer buildRenderer() {
            return super.buildRenderer();
        }

        @Override
        protected org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry buildMagicsRegistry() {
            return super.buildMagicsRegistry();
        }

        @Override
        protected org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler buildMagicTranspiler() {
            return super.buildMagicTranspiler();
        }

        @Override
        protected org.dflib.jjava.jupyter.kernel.util.StringStyler buildErrorStyler() {
            return super.buildErrorStyler();
        }
    }
}
