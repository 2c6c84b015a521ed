package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CharCorpusTest {
    @Test
    void theCommittedCorpusIsLargeAndSplitAtAFileBoundary() {
        CharCorpus corpus = CharCorpus.load(Path.of("datasets", CharCorpus.FILE));
        assertTrue(corpus.text().length() >= 300_000, corpus.toString());
        assertTrue(
                corpus.heldOut().startsWith(CharCorpus.FILE_HEADER),
                corpus.heldOut().substring(0, 40));
        double share = (double) corpus.train().length() / corpus.text().length();
        assertTrue(share >= 0.9 && share < 0.95, "training share " + share);
        assertEquals(corpus.text(), corpus.train() + corpus.heldOut());
        assertFalse(corpus.text().contains("BEGIN SOLUTION"), "no exercise solution in the corpus");
    }

    @Test
    void idsDecodeBackToTheText() {
        CharCorpus corpus = CharCorpus.of("ab\nba\n// ---- x ----\nab");
        Vocabulary v = corpus.vocabulary();
        assertEquals(corpus.train(), v.decode(corpus.trainIds()));
        assertEquals(corpus.heldOut(), v.decode(corpus.heldOutIds()));
        assertEquals('\n', v.symbol(0), "ids follow the characters' code order");
    }

    @Test
    void aTextWithoutFileHeadersIsSplitAtNinetyPercent() {
        CharCorpus corpus = CharCorpus.of("abcdefghij");
        assertEquals("abcdefghi", corpus.train());
        assertEquals("j", corpus.heldOut());
    }

    @Test
    void aCharacterOutsideTheVocabularyIsNamed() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> Vocabulary.of("ab").id('\n'));
        assertEquals("'\\n' is not in the vocabulary of 2 characters", e.getMessage());
    }

    @Test
    void streamsContinueFromChunkToChunk() {
        int[] ids = new int[41];
        for (int k = 0; k < ids.length; k++) ids[k] = k;
        CharStreams s = new CharStreams(ids, 2, 4); // L = 20 per stream, 5 chunks
        assertEquals(5, s.chunks());
        assertArrayEquals(new int[] {0, 1, 2, 3, 20, 21, 22, 23}, s.chunk(0).inputs());
        assertArrayEquals(new int[] {4, 5, 6, 7, 24, 25, 26, 27}, s.chunk(1).inputs());
        assertArrayEquals(new int[] {5, 6, 7, 8, 25, 26, 27, 28}, s.chunk(1).targets());
    }

    @Test
    void tooShortATextForTheStreamsSaysHowMuchIsNeeded() {
        var e = assertThrows(IllegalArgumentException.class, () -> new CharStreams(new int[10], 3, 4));
        assertEquals(
                "B = 3 streams of at least T = 4 characters and their next characters need at least 13 characters"
                        + " but the text has 10",
                e.getMessage());
    }

    @Test
    void baselinesFollowTheirDefinitionsOnATinyText() {
        int[] train = {0, 1, 0, 1}; // counts 2, 2 (+1 each); pairs 0→1 twice, 1→0 once
        int[] held = {0, 1};
        double unigram = -(Math.log(3.0 / 6) + Math.log(3.0 / 6)) / 2 / Math.log(2);
        assertEquals(unigram, CharBaselines.unigramBitsPerChar(train, held, 2), 1e-15);
        double bigram = -Math.log(3.0 / 4) / Math.log(2); // (2 + 1) / (2 + 2)
        assertEquals(bigram, CharBaselines.bigramBitsPerChar(train, held, 2), 1e-15);
    }
}
