package com.tutordesk.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * A chart as the dashboard shows it: a title, the server-drawn SVG (scaled to the screen's width),
 * its numbers as a table under it, and a CSV download of those numbers.
 */
class ChartPanel extends Div {

    final Image image;
    final Anchor csv = new Anchor();

    ChartPanel(String title, String svg, String alt, Component table, String fileName, Consumer<OutputStream> writeCsv) {
        addClassName("dashboard-chart");
        image = new Image("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alt);
        image.addClassName("dashboard-chart-image");
        csv.setHref((DownloadHandler) download -> {
            download.setFileName(fileName);
            download.setContentType("text/csv; charset=UTF-8");
            writeCsv.accept(download.getOutputStream());
        });
        csv.getElement().setAttribute("download", true);
        csv.add(new Button("Download CSV", VaadinIcon.DOWNLOAD.create()));
        add(new H3(title), image, table, csv);
    }
}
