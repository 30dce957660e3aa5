package dev.outrigger.bench.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A latency-by-percentile chart: x is the percentile on a "nines" scale (50, 90, 99, 99.9, 99.99), y the latency
 * in microseconds on a log scale, one line per candidate.
 */
public final class Plot {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 640;
    private static final int LEFT = 80;
    private static final int RIGHT = 260;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double MAX_NINES = 4;
    private static final Color[] COLORS = {
            new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f)};

    private Plot() {
    }

    /** @param curves per candidate, (percentile, µs) pairs in increasing percentile order */
    public static void write(File png, String title, Map<String, List<double[]>> curves) throws IOException {
        double low = curves.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).filter(v -> v > 0)
                .min().orElse(10);
        double high = curves.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElse(1000);
        double minLog = Math.floor(Math.log10(Math.max(1, low)));
        double maxLog = Math.ceil(Math.log10(Math.max(high, 10 * Math.max(1, low))));

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = LEFT + (int) (plotW * nines / MAX_NINES);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + plotH);
            g.setColor(Color.BLACK);
            String label = switch (nines) {
                case 0 -> "p0";
                case 1 -> "p90";
                case 2 -> "p99";
                case 3 -> "p99.9";
                default -> "p99.99";
            };
            g.drawString(label, x - 12, TOP + plotH + 18);
        }
        int p50 = LEFT + (int) (plotW * Math.log10(2) / MAX_NINES);
        g.setColor(new Color(0xeeeeee));
        g.drawLine(p50, TOP, p50, TOP + plotH);
        g.setColor(Color.BLACK);
        g.drawString("p50", p50 - 10, TOP + plotH + 18);
        g.drawString("percentile", LEFT + plotW / 2 - 30, TOP + plotH + 40);
        for (double log = minLog; log <= maxLog; log++) {
            for (int m = 1; m < 10; m++) {
                double value = m * Math.pow(10, log);
                if (Math.log10(value) > maxLog) {
                    break;
                }
                int y = yOf(value, minLog, maxLog, plotH);
                g.setColor(m == 1 ? new Color(0xcccccc) : new Color(0xf0f0f0));
                g.drawLine(LEFT, y, LEFT + plotW, y);
                if (m == 1 || m == 2 || m == 5) {
                    g.setColor(Color.BLACK);
                    String label = formatMicros(value);
                    g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
                }
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.rotate(-Math.PI / 2);
        g.drawString("latency (log scale)", -(TOP + plotH / 2 + 50), 18);
        g.rotate(Math.PI / 2);

        int index = 0;
        g.setStroke(new BasicStroke(2f));
        for (Map.Entry<String, List<double[]>> curve : curves.entrySet()) {
            g.setColor(COLORS[index % COLORS.length]);
            int previousX = -1;
            int previousY = -1;
            for (double[] point : curve.getValue()) {
                double nines = -Math.log10(Math.max(1e-9, 1 - point[0] / 100));
                int x = LEFT + (int) (plotW * Math.min(nines, MAX_NINES) / MAX_NINES);
                int y = yOf(Math.max(point[1], Math.pow(10, minLog)), minLog, maxLog, plotH);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            int legendY = TOP + 10 + index * 20;
            g.drawLine(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY);
            g.setColor(Color.BLACK);
            g.drawString(curve.getKey(), WIDTH - RIGHT + 46, legendY + 4);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", png);
    }

    private static int yOf(double micros, double minLog, double maxLog, int plotH) {
        return TOP + plotH - (int) (plotH * (Math.log10(micros) - minLog) / (maxLog - minLog));
    }

    private static String formatMicros(double micros) {
        return micros >= 1000 ? (micros / 1000 == Math.floor(micros / 1000) ? (int) (micros / 1000) + " ms"
                : micros / 1000 + " ms") : (int) micros + " µs";
    }
}
