package io.orgshell.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A one-line progress bar ({@code [#####.....] 1,200/3,000 40% 350/s ETA 5s}) redrawn in place with {@code \r}, at
 * most ten times a second. When the output is not a terminal nothing is drawn until {@link #finish}, so logs and
 * pipes get one clean line.
 */
public final class Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean live;
    private final String label;
    private final long started = System.nanoTime();
    private long total;
    private long done;
    /** Counted as done but not done by this bar (before a resume or a pause): kept out of the rate. */
    private long carried;

    private long lastDraw;
    private int lastLength;
    private Supplier<String> extra = () -> "";

    public Progress(PrintWriter out, boolean live, String label, long total) {
        this.out = out;
        this.live = live;
        this.label = label;
        this.total = total;
    }

    /** More to show after the rate, e.g. the pace the server allows and the 429s received. */
    public Progress extra(Supplier<String> more) {
        this.extra = more;
        return this;
    }

    public void total(long total) {
        this.total = total;
    }

    public void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (live && now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(line(now));
        }
    }

    /** Work finished before this bar started: shown as done, not counted in the rate. */
    public void carry(long n) {
        done += n;
        carried += n;
    }

    public long done() {
        return done;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Clears the bar; the caller prints its own summary line. */
    public void finish() {
        if (live && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0; // cleared once: a second finish has nothing to clear
        }
    }

    /** Done per second since this bar started, work carried in left out. */
    public double rate() {
        return rate(System.nanoTime());
    }

    private double rate(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        return (done - carried) / seconds;
    }

    String line(long now) {
        double rate = rate(now);
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            sb.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(WIDTH - filled))
                    .append("] ");
            sb.append(String.format("%,d/%,d %d%%", done, total, 100 * done / total));
        } else {
            sb.append(String.format("%,d", done));
        }
        sb.append(String.format(" %.0f/s", rate));
        String more = extra.get();
        if (!more.isEmpty()) {
            sb.append(' ').append(more);
        }
        if (total > 0 && rate > 0 && done < total) {
            sb.append(" ETA ").append(formatDuration(Duration.ofSeconds(Math.round((total - done) / rate))));
        }
        return sb.toString();
    }

    private void draw(String line) {
        String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        lastLength = line.length();
    }

    public static String formatDuration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        return s < 3600
                ? (s / 60) + "m" + String.format("%02d", s % 60) + "s"
                : (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
}
