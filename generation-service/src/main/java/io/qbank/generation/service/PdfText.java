package io.qbank.generation.service;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;

/** The text of a PDF, page after page in reading order (Apache PDFBox); a PDF without text, or a locked one, is refused. */
public final class PdfText {

    private PdfText() {
    }

    /** Blocking and CPU-bound: call it on a worker thread. 422 for what is not a readable PDF with text. */
    public static String of(byte[] pdf, int maxPages) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() > maxPages) {
                throw refused("the PDF has " + document.getNumberOfPages() + " pages; at most " + maxPages + " are read");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd("\n\n");
            String text = stripper.getText(document).replace("\r\n", "\n").replaceAll("[ \\t\\x0B\\f]+\\n", "\n").strip();
            if (text.isEmpty()) {
                throw refused("the PDF has no text to read (a scan holds only pictures of pages): upload its text instead");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw refused("the PDF is protected by a password: upload an unprotected copy");
        } catch (IOException e) {
            throw refused("this is not a readable PDF: " + e.getMessage());
        }
    }

    private static ApiException refused(String why) {
        return ApiException.unprocessable(why, List.of(new Violation("file", why)));
    }
}
