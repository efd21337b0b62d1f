package dev.lede.internal.html;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML extractor on small pages written for the project: metadata sources and furniture. */
class HtmlExtractorTest {
    private static Extracted fixture(String name) throws IOException {
        return HtmlExtractor.extract(Files.readString(TestFiles.resource("html/" + name), UTF_8), "");
    }

    @Test
    void extract_newsPage_keepsParagraphsAndHeadingsAndDropsFurniture() throws IOException {
        assertThat(fixture("news-article.html").body())
                .isEqualTo("The harbour bridge reopened on Friday evening after eight months of repairs, the city"
                        + " said, and traffic was moving freely by nightfall.\n\n"
                        + "Engineers replaced the deck joints, repainted the steel arches and added a protected lane"
                        + " for cyclists, at a cost of about 40 million.\n\n"
                        + "What changes for commuters\n\n"
                        + "Buses return to their old routes on Monday, while the ferry service that filled in during"
                        + " the works will keep its extra evening crossings until April.\n\n"
                        + "Residents who live near the approach roads said the quiet months had been welcome, but"
                        + " that the detours had cost them an hour a day.");
    }

    @Test
    void extract_jsonLdGraph_givesHeadlineAuthorsByIdAndLocalDate() throws IOException {
        Extracted page = fixture("news-article.html");

        assertThat(page.title()).isEqualTo("Harbour Bridge Reopens After Repairs");
        // JSON-LD wins over <meta name="author">; the first author is an @id reference into @graph.
        assertThat(page.authors()).containsExactly("Jane Doe", "Tom Roe");
        // 22:00 in New York is already March 2 in UTC: the page's own date is kept.
        assertThat(page.published().date()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(page.published().toString()).isEqualTo("2019-03-01T22:00:00-05:00");
        assertThat(page.url()).isEqualTo("https://news.example.com/2019/03/harbour-bridge-reopens");
        assertThat(page.source()).isEqualTo("Example Herald");
        assertThat(page.language()).isEqualTo("en-US");
    }

    @Test
    void extract_openGraphOnly_stripsSiteSuffixAndSkipsAuthorUrls() throws IOException {
        Extracted page = fixture("blog-post.html");

        assertThat(page.title()).isEqualTo("Notes From the Garden");
        assertThat(page.authors()).containsExactly("Alex Green");
        assertThat(page.published().toString()).isEqualTo("2021-06-15T07:30:00+02:00");
        assertThat(page.url()).isEqualTo("https://shed.example.org/notes-from-the-garden");
        assertThat(page.source()).isEqualTo("The Potting Shed");
        assertThat(page.language()).isEqualTo("fr");
        assertThat(page.body())
                .startsWith("June is when the garden")
                .contains("\n\nWater in the morning, never at noon.\n\nMulch the beds")
                .endsWith("ripen before August.")
                .doesNotContain("Categories", "Tags");
    }

    @Test
    void extract_visibleBylineAndDateline_whenThereIsNoMetadata() {
        String html = "<html><head><title>Council Votes on Budget - Town Crier</title></head><body>"
                + "<h1>Council Votes on Budget</h1><div class=\"byline\">By Maria Lopez</div>"
                + "<span class=\"post-date\">Updated Feb. 3, 2024</span>"
                + "<div class=\"story\"><p>The council voted seven to two for the budget, which raises spending on"
                + " roads by a tenth.</p><p>Two members said the increase came too late for this winter's potholes,"
                + " and asked for a review in June.</p></div></body></html>";

        Extracted page = HtmlExtractor.extract(html, "");

        assertThat(page.title()).isEqualTo("Council Votes on Budget");
        assertThat(page.authors()).containsExactly("Maria Lopez");
        assertThat(page.published().toString()).isEqualTo("2024-02-03");
        assertThat(page.body()).doesNotContain("Maria Lopez", "Feb. 3").startsWith("The council voted");
    }

    @Test
    void extract_jsonLdArrayWithBlogPosting_andItempropBody() {
        String html = "<html><head><script type=\"application/ld+json\">[{\"@type\":\"WebPage\",\"name\":\"x\"},"
                + "{\"@type\":[\"BlogPosting\"],\"headline\":\"Ten Years of Bread\",\"author\":\"Sam Baker\","
                + "\"datePublished\":\"2020-01-05\"}]</script></head><body>"
                + "<div class=\"promo\"><p>Get 50% off your first month of our baking course when you subscribe.</p></div>"
                + "<div itemprop=\"articleBody\"><p>I baked my first loaf ten years ago, and it was a brick.</p>"
                + "<p>Since then I have learned that flour, water, salt and patience are the whole recipe.</p>"
                + "<p>This is what the decade taught me, one loaf at a time, through every failed starter.</p></div>"
                + "</body></html>";

        Extracted page = HtmlExtractor.extract(html, "");

        assertThat(page.title()).isEqualTo("Ten Years of Bread");
        assertThat(page.authors()).containsExactly("Sam Baker");
        assertThat(page.published().toString()).isEqualTo("2020-01-05");
        assertThat(page.body().split("\n\n")).hasSize(3);
        assertThat(page.body()).doesNotContain("50% off");
    }

    @Test
    void extract_disclosuresAndClosingAuthorBio_areDropped() {
        String html = "<html><head><meta name=\"author\" content=\"Rosa Field\"><title>Seed Swaps</title></head>"
                + "<body><div class=\"story\"><p>If you buy something through our links, we may earn a small"
                + " commission at no cost to you.</p>"
                + "<p>Seed swaps have spread to forty libraries in the county, where gardeners trade packets of"
                + " beans, squash and old tomato varieties.</p>"
                + "<p>The librarians say the shelves empty within a week of each spring swap, and that most"
                + " packets come back in the autumn.</p>"
                + "<p>Sign up for our weekly gardening newsletter to get stories like this one.</p>"
                + "<p>Rosa Field is a reporter who covers farming and food for the paper.</p></div></body></html>";

        Extracted page = HtmlExtractor.extract(html, "");

        assertThat(page.body())
                .isEqualTo("Seed swaps have spread to forty libraries in the county, where gardeners trade packets"
                        + " of beans, squash and old tomato varieties.\n\n"
                        + "The librarians say the shelves empty within a week of each spring swap, and that most"
                        + " packets come back in the autumn.");
    }

    @Test
    void extract_datelineWithoutDateClass_isFoundUnderTheHeadline() {
        String html = "<html><head><title>Frost Fairs</title></head><body>"
                + "<div class=\"side\"><span>Posted on March 2, 2020</span></div><h1>Frost Fairs</h1>"
                + "<div class=\"x1\">by <a href=\"/u/ann\">Ann Lee</a> on Dec 16, 2021 at 11:00 AM</div>"
                + "<p>The river froze hard enough for a fair to be held on the ice, with stalls and a printing"
                + " press.</p></body></html>";

        assertThat(HtmlExtractor.extract(html, "").published().toString()).isEqualTo("2021-12-16");
    }

    @Test
    void extract_utcMetadataDate_givesWayToTheSameMomentInThePagesOffset() {
        String html = "<html><head><meta property=\"article:published_time\" content=\"2025-12-19T02:41:41+00:00\">"
                + "</head><body><h1>Night Notes</h1><time datetime=\"2025-12-18T21:46:01-05:00\">December 18, 2025"
                + "</time><p>Written late in the evening.</p></body></html>";

        assertThat(HtmlExtractor.extract(html, "").published().toString()).isEqualTo("2025-12-18T21:46:01-05:00");
    }

    @Test
    void extract_metadataDatesThatDisagree_takeTheOneTheDatelineShows() {
        String head = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Ten trail shoes\",\"datePublished\":\"2018-04-03T16:50:31Z\"}</script>"
                + "<meta property=\"article:published_time\" content=\"2025-12-19T18:06:00Z\"></head>";
        String dated =
                head + "<body><h1>Ten trail shoes</h1><span class=\"date\">Dec 19, 2025</span><p>x</p></body></html>";
        String undated = head + "<body><h1>Ten trail shoes</h1><p>x</p></body></html>";

        assertThat(HtmlExtractor.extract(dated, "").published().toString()).isEqualTo("2025-12-19T18:06:00Z");
        assertThat(HtmlExtractor.extract(undated, "").published().toString()).isEqualTo("2018-04-03T16:50:31Z");
    }

    @Test
    void parseText_numericDateThatCannotBeMonthFirst_isReadDayFirst() {
        assertThat(PageDates.parseText("Posted on the 15/12/2025 at 19:00").toString())
                .isEqualTo("2025-12-15");
        assertThat(PageDates.parseText("Updated: 10/11/2024").toString()).isEqualTo("2024-10-11");
    }

    @Test
    void extract_byLineWithoutAuthorClass_givesTheNameAndLeavesTheDate() {
        String html = "<html><head><title>Ice Roads</title></head><body><h1>Ice Roads</h1>"
                + "<p class=\"meta\"><span>By</span><span>Lena Berg</span> • Jan 4, 2024</p>"
                + "<p>The ice road opened a week late this year.</p></body></html>";

        assertThat(HtmlExtractor.extract(html, "").authors()).containsExactly("Lena Berg");
    }

    @Test
    void extract_siteNamedAsAuthor_givesWayToTheVisibleByline() {
        String html = "<html><head><meta property=\"og:site_name\" content=\"Valley Times\">"
                + "<meta name=\"author\" content=\"Valley Times\"></head><body><h1>Dam Repairs</h1>"
                + "<div>By <a href=\"/staff/omar-haddad\">Omar Haddad</a></div><p>Repairs start in May.</p>"
                + "</body></html>";

        assertThat(HtmlExtractor.extract(html, "").authors()).containsExactly("Omar Haddad");
    }

    @Test
    void extract_authorMetadata_dropsSiteCreditAndPlaceholders() {
        String credited = "<html><head><meta property=\"og:site_name\" content=\"The Harbor Gazette\">"
                + "<meta name=\"author\" content=\"Ruth Alder, Harbor Gazette\"></head><body><p>x</p></body></html>";
        String placeholder = "<html><head><meta name=\"author\" content=\"admin\"></head><body><p>x</p></body></html>";
        String wordPress = "<html><head><meta name=\"twitter:label1\" content=\"Written by\">"
                + "<meta name=\"twitter:data1\" content=\"Kai Moreno\"></head><body><p>x</p></body></html>";

        assertThat(HtmlExtractor.extract(credited, "").authors()).containsExactly("Ruth Alder");
        assertThat(HtmlExtractor.extract(placeholder, "").authors()).isEmpty();
        assertThat(HtmlExtractor.extract(wordPress, "").authors()).containsExactly("Kai Moreno");
    }

    @Test
    void extract_jsonLdAuthorThatIsASocialProfileLabel_isDropped() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Tulips in a wet spring\",\"author\":[{\"@type\":\"Person\",\"name\":\"By Mara Lind\"},"
                + "{\"@type\":\"Person\",\"name\":\"Riverside Garden Club on Facebook\"}]}</script></head>"
                + "<body><p>x</p></body></html>";

        assertThat(HtmlExtractor.extract(html, "").authors()).containsExactly("Mara Lind");
    }

    @Test
    void extract_headingMatchingAnyMetadataTitle_winsAndLosesItsSectionSuffix() {
        String seoHeadline = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Rowing Machine Review With Photos\"}</script>"
                + "<meta property=\"og:title\" content=\"I Rowed Every Morning for a Month\"></head>"
                + "<body><h1>I Rowed Every Morning for a Month</h1><p>x</p></body></html>";
        String sectionSuffix = "<html><head><meta property=\"og:title\" content=\"Why the town kept its"
                + " last cinema open | Opinion\"></head><body><h1>Why the town kept its last cinema open |"
                + " Opinion</h1><p>x</p></body></html>";

        assertThat(HtmlExtractor.extract(seoHeadline, "").title()).isEqualTo("I Rowed Every Morning for a Month");
        assertThat(HtmlExtractor.extract(sectionSuffix, "").title())
                .isEqualTo("Why the town kept its last cinema open");
    }

    @Test
    void extract_headlineClassedHeadingMatchingNoMetadataTitle_winsOverTheSocialTitle() {
        String html = "<html><head><title>Where to Bike in Riverton | Riverton Magazine</title>"
                + "<meta property=\"og:title\" content=\"Our Favorite Biking Spots\"></head><body>"
                + "<h1 class=\"site-logo\">Riverton Magazine</h1>"
                + "<h1 class=\"story-headline\">The Best Trails and Neighborhoods in Riverton for Biking</h1>"
                + "<p>x</p></body></html>";
        String noHeadlineClass = html.replace("story-headline", "story");

        assertThat(HtmlExtractor.extract(html, "").title())
                .isEqualTo("The Best Trails and Neighborhoods in Riverton for Biking");
        assertThat(HtmlExtractor.extract(noHeadlineClass, "").title()).isEqualTo("Our Favorite Biking Spots");
    }

    @Test
    void extract_relatedStoryCards_areDroppedFromTheArticle() {
        StringBuilder html =
                new StringBuilder("<html><head><title>Night Trains</title></head><body><div class=\"post\">"
                        + "<p>Night trains are back on the main line after a gap of twelve years, with sleeper cars"
                        + " leaving the capital at ten and reaching the coast by breakfast.</p>"
                        + "<p>The operator says the first month sold out within a day, and that a second train will run"
                        + " on weekends from the spring, as long as the new carriages arrive on time.</p>"
                        + "<p>Fares start at the price of a hotel room, which the company argues is the fair comparison"
                        + " for a traveller who would otherwise stay the night.</p>"
                        + "<p>Rail unions welcomed the return but asked for more staff on board, since a sleeper train"
                        + " needs attendants through the night as well as a driver and a guard.</p>"
                        + "<p>Environmental groups said the service shows that short flights can be replaced, and asked"
                        + " the government to extend the tax break on sleeper tickets to the new routes.</p>"
                        + "<div class=\"list\">");
        for (String story : List.of("Ferry fares rise again", "Airport rail link delayed", "Bus lanes extended")) {
            html.append("<div class=\"item\"><h3><a href=\"/news/")
                    .append(story.length())
                    .append("\">")
                    .append(story)
                    .append("</a></h3><p>What the change means for travellers this winter.</p></div>");
        }
        html.append("</div></div></body></html>");

        assertThat(HtmlExtractor.extract(html.toString(), "").body())
                .startsWith("Night trains are back")
                .endsWith("to the new routes.");
    }

    @Test
    void extract_figureCaptions_areLeftOut() {
        String html = "<html><body><article><p>The orchard lost half its trees in the storm, and the owners"
                + " will replant in March.</p><figure><img src=\"a.jpg\"><figcaption>Fallen apple trees along the"
                + " north fence on Sunday morning.</figcaption></figure><p>Volunteers have offered to help clear"
                + " the trunks before the ground freezes.</p></article></body></html>";

        assertThat(HtmlExtractor.extract(html, "").body())
                .isEqualTo("The orchard lost half its trees in the storm, and the owners will replant in March.\n\n"
                        + "Volunteers have offered to help clear the trunks before the ground freezes.");
    }

    @Test
    void extract_standfirstMatchingTheDescription_isDroppedButALedeIsKept() {
        String summary = "Three villages share one bus, and the timetable decides who gets to the doctor.";
        String story = "<p>The bus leaves Upper Moor at seven and comes back at six, and nothing else runs on the"
                + " valley road.</p><p>Residents have asked the council for a second run at midday.</p>";
        String head =
                "<html><head><meta name=\"description\" content=\"" + summary + "\"></head><body><h1>One Bus</h1>";
        String standfirst = head + "<div class=\"story\"><div class=\"article-subtitle\">" + summary + "</div>"
                + "<div class=\"text\">" + story + "</div></div></body></html>";
        String lede = head + "<div class=\"story\"><p>" + summary + "</p>" + story + "</div></body></html>";

        assertThat(HtmlExtractor.extract(standfirst, "").body()).startsWith("The bus leaves Upper Moor");
        assertThat(HtmlExtractor.extract(lede, "").body()).startsWith(summary);
    }

    @Test
    void extract_onlyAModificationDate_givesWayToAnEarlierVisibleDateline() {
        String page = "<html><head><meta property=\"article:modified_time\" content=\"2025-09-15T10:00:00+00:00\">"
                + "</head><body><h1>Kiln Notes</h1><span class=\"entry-date\">Published: %s</span>"
                + "<p>The kiln reached temperature in four hours.</p></body></html>";

        assertThat(HtmlExtractor.extract(page.formatted("January 3, 2024"), "")
                        .published()
                        .toString())
                .isEqualTo("2024-01-03");
        // A page is not published after it last changed: that date is the site header's today.
        assertThat(HtmlExtractor.extract(page.formatted("January 2, 2026"), "")
                        .published()
                        .toString())
                .isEqualTo("2025-09-15T10:00:00Z");
    }

    @Test
    void extract_pageWithoutArticle_hasNoBody() {
        String html = "<html><head><title>Example Portal</title></head><body><nav><ul>"
                + "<li><a href=\"/a\">News</a></li><li><a href=\"/b\">Sport</a></li></ul></nav>"
                + "<ul class=\"teasers\"><li><a href=\"/1\">Storm closes schools across the county</a></li>"
                + "<li><a href=\"/2\">Local team wins the cup after twenty years</a></li></ul>"
                + "<footer>© 2024 Example Portal</footer></body></html>";

        Extracted page = HtmlExtractor.extract(html, "");

        assertThat(page.body()).isEmpty();
        assertThat(page.title()).isEqualTo("Example Portal");
        assertThat(page.authors()).isEmpty();
        assertThat(page.published()).isNull();
    }

    @Test
    void extract_brokenJsonLd_fallsBackToMetaTags() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script>"
                + "<meta property=\"og:title\" content=\"Rain Returns\"><meta name=\"citation_date\" content=\"2018/07/09\">"
                + "<meta name=\"citation_author\" content=\"Ng, Ada\"></head><body><p>It rained.</p></body></html>";

        Extracted page = HtmlExtractor.extract(html, "");

        assertThat(page.title()).isEqualTo("Rain Returns");
        assertThat(page.published().toString()).isEqualTo("2018-07-09");
        assertThat(page.authors()).isEqualTo(List.of("Ng, Ada"));
        assertThat(page.body()).isEqualTo("It rained.");
    }

    @Test
    void withoutSiteName_removesNamedOrShortSuffixesAndPrefixes() {
        assertThat(Titles.withoutSiteName("Bridge Reopens | Example Herald", "Example Herald", ""))
                .isEqualTo("Bridge Reopens");
        assertThat(Titles.withoutSiteName("Herald - Bridge Reopens After Long Repairs", "", "herald.com"))
                .isEqualTo("Bridge Reopens After Long Repairs");
        assertThat(Titles.withoutSiteName("How the Bridge Was Rebuilt in Eight Months – The Post", "", ""))
                .isEqualTo("How the Bridge Was Rebuilt in Eight Months");
        assertThat(Titles.withoutSiteName("Cats - Dogs", "", "")).isEqualTo("Cats - Dogs");
        assertThat(Titles.withoutSiteName("Actuary&#8217;s Choice", "", "")).isEqualTo("Actuary’s Choice");
    }
}
