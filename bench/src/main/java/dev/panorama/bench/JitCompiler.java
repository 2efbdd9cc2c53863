package dev.panorama.bench;

import java.time.Duration;
import java.util.List;

/** The CPU a JVM's JIT compiler threads have used: how a benchmark tells that a process's hot paths are compiled. */
public final class JitCompiler {

    /** The compiler threads as the kernel names them (the first 15 characters of a Java thread's name). */
    public static final List<String> THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");

    private JitCompiler() {
    }

    /** CPU of the compiler threads of process {@code pid} so far (zero for none, or for a pid of -1). */
    public static Duration cpu(long pid) {
        Duration total = Duration.ZERO;
        if (pid > 0) {
            for (String compiler : THREADS) {
                total = total.plus(ProcessCpu.threads(pid, compiler));
            }
        }
        return total;
    }
}
