package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.article.Published;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSS and Atom feeds, on small feeds written for these tests. */
class FeedArticleReaderTest {
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Harbor Gazette</title>
                <link>https://gazette.example/</link>
                <item>
                  <title>Council approves harbor budget</title>
                  <link>https://gazette.example/budget</link>
                  <guid isPermaLink="false">gazette-2019-0301</guid>
                  <pubDate>Fri, 01 Mar 2019 22:00:00 -0500</pubDate>
                  <dc:creator>Jane Doe</dc:creator>
                  <category>politics</category>
                  <category>harbor</category>
                  <description>Short teaser.</description>
                  <content:encoded><![CDATA[<p>The council voted 7-2 on Friday.</p><p>The plan takes effect in July &amp; costs $4&nbsp;million.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Storm &amp; flood warning</title>
                  <link>https://gazette.example/storm</link>
                  <description>&lt;p&gt;A storm is coming &lt;b&gt;tonight&lt;/b&gt;.&lt;/p&gt;</description>
                </item>
                <item>
                  <description></description>
                </item>
              </channel>
            </rss>
            """;

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Science Desk</title>
              <entry>
                <title>Comet seen over the bay</title>
                <link rel="alternate" href="https://science.example/comet"/>
                <link rel="self" href="https://science.example/comet.atom"/>
                <id>tag:science.example,2020:comet</id>
                <updated>2020-07-20T09:30:00+02:00</updated>
                <published>2020-07-19T23:10:00+02:00</published>
                <author><name>Ada Lovelace</name></author>
                <author><name>Bob Roe</name></author>
                <category term="space" label="Space"/>
                <category term="astronomy"/>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A bright comet was seen.</p><p>It returns in 6,800 years.</p></div></content>
              </entry>
              <entry>
                <title type="html">Tides &lt;em&gt;rise&lt;/em&gt;</title>
                <link href="https://science.example/tides"/>
                <updated>not a date</updated>
                <summary>Tides rose along the coast.</summary>
              </entry>
            </feed>
            """;

    @TempDir
    Path tmp;

    private final ReportCollector report = new ReportCollector();

    private List<Article> read(String name, String xml) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        List<Article> out = new ArrayList<>();
        new FeedArticleReader().read(new InputFile(file, name), out::add, report);
        return out;
    }

    @Test
    void rss_oneArticlePerItem_withGuidLinkDateAuthorsTopicsAndTheFeedTitleAsSource() throws IOException {
        List<Article> articles = read("gazette.rss", RSS);

        assertThat(articles).hasSize(2);
        assertThat(articles.get(0))
                .isEqualTo(Article.builder("gazette-2019-0301")
                        .title("Council approves harbor budget")
                        .body(
                                "The council voted 7-2 on Friday.\n\nThe plan takes effect in July & costs $4 million.") // no-break space read as a space
                        .url("https://gazette.example/budget")
                        .source("Harbor Gazette")
                        .authors("Jane Doe")
                        .topics("politics", "harbor")
                        .published(Published.parse("2019-03-01T22:00:00-05:00"))
                        .build());
        // No guid: the link is the id; the escaped HTML description is the body, as text.
        assertThat(articles.get(1).id()).isEqualTo("https://gazette.example/storm");
        assertThat(articles.get(1).title()).isEqualTo("Storm & flood warning");
        assertThat(articles.get(1).body()).isEqualTo("A storm is coming tonight.");
        assertThat(articles.get(0).published().toString()).startsWith("2019-03-01"); // the feed's own date
        assertThat(report.problems())
                .extracting(p -> p.line() + " " + p.reason())
                .containsExactly("3 item 3 has neither a title nor any text");
    }

    @Test
    void atom_oneArticlePerEntry_alternateLinkIdPublishedAuthorsAndCategories() throws IOException {
        List<Article> articles = read("science.atom", ATOM);

        assertThat(articles).hasSize(2);
        Article comet = articles.get(0);
        assertThat(comet.id()).isEqualTo("tag:science.example,2020:comet");
        assertThat(comet.url()).isEqualTo("https://science.example/comet");
        assertThat(comet.source()).isEqualTo("Science Desk");
        assertThat(comet.authors()).containsExactly("Ada Lovelace", "Bob Roe");
        assertThat(comet.topics()).containsExactly("Space", "astronomy");
        assertThat(comet.published()).isEqualTo(Published.parse("2020-07-19T23:10:00+02:00"));
        assertThat(comet.body()).isEqualTo("A bright comet was seen.\n\nIt returns in 6,800 years.");
        Article tides = articles.get(1);
        assertThat(tides.id()).isEqualTo("https://science.example/tides");
        assertThat(tides.title()).isEqualTo("Tides rise");
        assertThat(tides.body()).isEqualTo("Tides rose along the coast.");
        assertThat(tides.published()).isNull();
        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0).reason()).startsWith("published: ");
    }

    @Test
    void xmlThatIsNotAFeed_isSkippedWithItsRootElement() throws IOException {
        assertThat(read("pom.xml", "<?xml version=\"1.0\"?><project><name>x</name></project>"))
                .isEmpty();
        assertThat(report.problems())
                .extracting(p -> p.file() + ": " + p.reason())
                .containsExactly("pom.xml: not an RSS or Atom feed (its root element is <project>)");
    }

    @Test
    void anRssFeedSavedAsXml_isReadByItsContent() throws IOException {
        assertThat(read("feed.xml", RSS)).hasSize(2);
    }
}
