using AngleSharp.Html.Parser;
using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>Every sentence of the essay has an address (/essay#p17s3) that depends on its words alone.</summary>
public sealed class EssaySentenceTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{

    [Theory]
    [InlineData("One. Two! Three? Four.", new[] { "One.", "Two!", "Three?", "Four." })]
    [InlineData("He said “days, weeks.” Secretary Pompeo spoke.", new[] { "He said “days, weeks.”", "Secretary Pompeo spoke." })]
    [InlineData("General Mark A. Milley, the chairman, spoke.", new[] { "General Mark A. Milley, the chairman, spoke." })]
    [InlineData("Troops of the U.S. Army left. They came back.", new[] { "Troops of the U.S. Army left.", "They came back." })]
    [InlineData("Mr. Smith met Dr. Jones on St. Mark’s Place. Gen. Lee was there.", new[] { "Mr. Smith met Dr. Jones on St. Mark’s Place.", "Gen. Lee was there." })]
    [InlineData("Blood on his hands, etc. Ryan Cooper wrote.", new[] { "Blood on his hands, etc.", "Ryan Cooper wrote." })]
    [InlineData("The war (1980-1988). The result.", new[] { "The war (1980-1988).", "The result." })]
    [InlineData("A list (see below.) Then more.", new[] { "A list (see below.)", "Then more." })]
    [InlineData("Is it? “Yes,” she said. ‘No.’ ", new[] { "Is it?", "“Yes,” she said.", "‘No.’" })]
    [InlineData("It cost 3.5 billion. the end is lower case. Pi is 3.14.", new[] { "It cost 3.5 billion. the end is lower case.", "Pi is 3.14." })]
    [InlineData("e.g. This stays. i.e. That too.", new[] { "e.g. This stays. i.e. That too." })]
    [InlineData("The simple answer is no. State managers act.", new[] { "The simple answer is no.", "State managers act." })]
    [InlineData("Then-Vice President George H. W. Bush said it. He did.", new[] { "Then-Vice President George H. W. Bush said it.", "He did." })]
    [InlineData("Clear: The latest one.", new[] { "Clear: The latest one." })]
    [InlineData("  Spaces around.   Many of them.  ", new[] { "Spaces around.", "Many of them." })]
    [InlineData("No full stop at the end", new[] { "No full stop at the end" })]
    [InlineData("", new string[0])]
    public void Sentences_SplitWhereAReaderWould(string text, string[] expected) =>
        Assert.Equal(expected, Sentences.Of(text));

    // Persian, Arabic and Urdu: the Arabic question mark ؟, Urdu's full stop ۔, and scripts without capitals, where any
    // letter after the space starts the next sentence; guillemets open and close quotations as in French.
    [Theory]
    [InlineData("عشق آسان نمود؟ ولی افتاد مشکلها.", new[] { "عشق آسان نمود؟", "ولی افتاد مشکلها." })]
    [InlineData("چه خون افتاد در دلها! مرا در منزل جانان چه امن عیش.", new[] { "چه خون افتاد در دلها!", "مرا در منزل جانان چه امن عیش." })]
    [InlineData("گفت: «کجا دانند؟» پاسخی نبود.", new[] { "گفت: «کجا دانند؟»", "پاسخی نبود." })]
    [InlineData("کجا دانند حال ما؟ «سبکباران ساحلها» نمی‌دانند.", new[] { "کجا دانند حال ما؟", "«سبکباران ساحلها» نمی‌دانند." })]
    [InlineData("چرا؟! هیچ کس نگفت.", new[] { "چرا؟!", "هیچ کس نگفت." })]
    [InlineData("یہ پہلا جملہ ہے۔ یہ دوسرا ہے۔", new[] { "یہ پہلا جملہ ہے۔", "یہ دوسرا ہے۔" })]
    [InlineData("أين الساقي؟ أدر كأسًا.", new[] { "أين الساقي؟", "أدر كأسًا." })]
    [InlineData("שלום. מה שלומך?", new[] { "שלום.", "מה שלומך?" })]
    [InlineData("تاریخ کتابت ۱۳۱۷ ه.ق است.", new[] { "تاریخ کتابت ۱۳۱۷ ه.ق است." })]
    [InlineData("بیت نخست؟۱ بیت دوم.", new[] { "بیت نخست؟۱ بیت دوم." })]
    [InlineData("غزل بی نشانه پایان", new[] { "غزل بی نشانه پایان" })]
    public void Sentences_SplitPersianArabicUrduAndHebrew_WhereAReaderWould(string text, string[] expected) =>
        Assert.Equal(expected, Sentences.Of(text));

    [Fact]
    public void Sentences_AfterAnArabicStop_KeepEveryCharacter_HarakatAndNonJoinersIncluded()
    {
        const string text = "اَلا یا اَیُّهَا السّاقی؟ نافه\u200cای کآخر صبا زان طرّه بگشاید۔ می\u200cدارد!";
        var parts = Sentences.Split(text);
        Assert.Equal(3, parts.Count);
        Assert.Equal(text, string.Join(' ', parts.Select(p => text[p.Start..p.End])));
    }

    [Fact]
    public void Sentences_NeverLoseOrChangeACharacter()
    {
        const string text = "One “two.” Three (four!) Five? Six. U.S. Seven.";
        var parts = Sentences.Split(text);
        var gaps = parts.Zip(parts.Skip(1), (a, b) => text[a.End..b.Start]);
        Assert.All(gaps, g => Assert.True(string.IsNullOrWhiteSpace(g) && g.Length > 0));
        Assert.Equal(text, text[..parts[0].Start] + string.Concat(parts.Select((p, i) => text[p.Start..p.End] + (i + 1 < parts.Count ? text[p.End..parts[i + 1].Start] : text[p.End..]))));
    }

    [Fact]
    public void Markup_WrapsEachSentenceAndKeepsTheText()
    {
        var html = Mark("<p>First one. Second <em>one</em> here.</p>");
        Assert.Equal("<p><span id=\"p1s1\">First one.</span> <span id=\"p1s2\">Second <em>one</em> here.</span></p>", html);
    }

    [Fact]
    public void Markup_SplitsAnEmphasisThatCrossesASentenceEnd_IntoTwoValidHalves()
    {
        const string source = "<p>Start <em id=\"x\">bold end. New <strong>start</strong></em> goes on. Last.</p>";
        var html = Mark(source);
        Assert.Equal(
            "<p><span id=\"p1s1\">Start <em id=\"x\">bold end.</em></span><em> </em><span id=\"p1s2\"><em>New <strong>start</strong></em> goes on.</span> <span id=\"p1s3\">Last.</span></p>",
            html);
        AssertSameText(source, html);

        // Nesting is proper: re-parsing and serialising gives the same markup back.
        var reparsed = new HtmlParser().ParseDocument("");
        reparsed.Body!.InnerHtml = html;
        Assert.Equal(html, reparsed.Body.InnerHtml);
    }

    [Fact]
    public void Markup_ALinkCrossingASentenceEnd_BecomesTwoLinksToTheSamePlace()
    {
        const string source = "<p>See <a href=\"/sources#a\">the report. It says</a> so.</p>";
        var html = Mark(source);
        Assert.Equal("<p><span id=\"p1s1\">See <a href=\"/sources#a\">the report.</a></span><a href=\"/sources#a\"> </a><span id=\"p1s2\"><a href=\"/sources#a\">It says</a> so.</span></p>", html);
        AssertSameText(source, html);
    }

    [Fact]
    public void Markup_NumbersSentencesAcrossTheParagraphsOfABlockQuote()
    {
        var paragraph = new EssayParagraph(25, "<blockquote>\n<p>One. Two.</p>\n<p>Three.</p>\n</blockquote>\n", "", true);
        var (marked, _) = EssayMarkup.Mark([paragraph], []);
        Assert.Equal(["p25s1", "p25s2", "p25s3"], marked[0].Sentences.Select(s => s.Id));
        Assert.Contains("<p><span id=\"p25s3\">Three.</span></p>", marked[0].ReadingHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEssayPage_HasASpanForEverySentence_WhoseTextsMakeUpTheParagraph()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var paras = doc.QuerySelectorAll(".essay-text .para").ToList();
        Assert.Equal(FixtureGuide.Paragraphs().Count, paras.Count);
        for (var i = 0; i < paras.Count; i++)
        {
            var spans = paras[i].QuerySelectorAll("span[id]").Where(s => s.Id!.StartsWith($"p{i + 1}s", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(spans);
            Assert.Equal(Enumerable.Range(1, spans.Count).Select(n => $"p{i + 1}s{n}"), spans.Select(s => s.Id));
            var text = string.Concat(paras[i].QuerySelectorAll(":scope > p, :scope > blockquote").Select(e => e.TextContent));
            Assert.Equal(Html.Fold(text), Html.Fold(string.Join(' ', spans.Select(s => s.TextContent))));
        }
    }

    private static string Mark(string html) =>
        EssayMarkup.Mark([new EssayParagraph(1, html, "", false)], []).Paragraphs[0].ReadingHtml;

    private static void AssertSameText(string before, string after)
    {
        var parser = new HtmlParser();
        Assert.Equal(parser.ParseDocument(before).Body!.TextContent, parser.ParseDocument(after).Body!.TextContent);
    }
}

/// <summary>
/// A content test, on the real content/: the real essay's sentence anchors are the committed list
/// (essay-anchors.txt), so that a link to a sentence never silently moves.
/// </summary>
public sealed class EssayAnchorTests(RealContentHost host) : IClassFixture<RealContentHost>
{
    private static readonly string AnchorsPath = Path.Combine(Repo.Root, "tests", "EssaySite.Tests", "essay-anchors.txt");

    [Fact]
    public async Task TheAnchors_AreTheCommittedList()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var actual = doc.QuerySelectorAll(".essay-text span[id]")
            .Where(s => System.Text.RegularExpressions.Regex.IsMatch(s.Id!, @"^p\d+s\d+$"))
            .Select(s => $"{s.Id}\t{Opening(s.TextContent)}")
            .ToList();
        var committed = File.Exists(AnchorsPath) ? File.ReadAllLines(AnchorsPath).Where(l => l.Length > 0).ToList() : [];
        Assert.True(committed.SequenceEqual(actual),
            $"The essay's sentence anchors differ from {AnchorsPath}. A link to a sentence must not silently move; if the change is meant, the list is now:\n" + string.Join('\n', actual));
    }

    private static string Opening(string sentence)
    {
        var words = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(8)) + (words.Length > 8 ? " …" : "");
    }
}
