using System.Diagnostics;
using System.Text.Json;
using EssaySite.Content.Search;

namespace EssaySite.Tests;

/// <summary>
/// Persian and Arabic search folding: one spelling whatever the keyboard, on the server (ArabicScriptFolding) and in
/// the browser (wwwroot/js/arabic-fold.js), which must fold every case alike.
/// </summary>
public sealed class ArabicScriptFoldingTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "علي", "علی" },                       // Arabic yeh → Persian yeh
        { "موسى", "موسی" },                     // alef maksura → yeh
        { "كتاب", "کتاب" },                     // Arabic kaf → keheh
        { "مدرسة", "مدرسه" },                   // teh marbuta → heh
        { "خانۀ", "خانه" },                      // heh with yeh above → heh
        { "خانهٔ", "خانه" },                     // heh and a combining hamza above → heh
        { "أحمد إبراهيم آب ٱلله", "احمد ابراهیم اب الله" }, // the hamza and madda forms of alef
        { "مؤمن", "مومن" },
        { "مسائل", "مسایل" },
        { "اَلا یا اَیُّهَا السّاقی", "الا یا ایها الساقی" }, // harakat, shadda, sukun
        { "مَتٰی ما تَهْویٰ", "متی ما تهوی" },               // superscript alef
        { "كـــتاب", "کتاب" },                   // tatweel
        { "می‌رود", "می رود" },                  // the zero-width non-joiner is a word break
        { "۱۳۱۷ و ٢٠٢٦", "1317 و 2026" },        // Persian and Arabic-Indic digits
        { "\u200Fسلام\u200D", "سلام" },          // direction mark and joiner
        { "Mosaddegh, 1953", "Mosaddegh, 1953" }, // other scripts unchanged
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Server_FoldsPersianAndArabicToOneSpelling(string text, string expected) =>
        Assert.Equal(expected, ArabicScriptFolding.Fold(text));

    /// <summary>The fixture's vowelled first hemistich (Persian Wikipedia's copy) folds to the unvowelled one LiederNet gives.</summary>
    [Fact]
    public void Server_FoldsTheVowelledHemistich_ToTheUnvowelledCopy()
    {
        var first = File.ReadLines(Path.Combine(PersianFixtureTests.Content, "essay.txt")).First();
        Assert.Equal("الا یا ایها الساقی ادر کاسا و ناولها", ArabicScriptFolding.Fold(first));
    }

    [Fact]
    public void Server_SplitsAtTheNonJoiner_SoTwoTypedWordsFindOne()
    {
        var text = File.ReadLines(Path.Combine(PersianFixtureTests.Content, "essay.txt")).First(l => l.StartsWith("جرس", StringComparison.Ordinal));
        var words = ArabicScriptFolding.Fold(text).Split(' ');
        var query = ArabicScriptFolding.Fold("می دارد").Split(' ');
        Assert.Contains(string.Join(' ', query), string.Join(' ', words), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_FoldsEveryCaseAsTheServerDoes()
    {
        var cases = Cases().Select(c => (string)c[0]).ToList();
        var script = Path.Combine(Repo.Root, "wwwroot", "js", "arabic-fold.js");
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("const f = require(process.argv[1]); let s = ''; process.stdin.on('data', d => s += d).on('end', () => process.stdout.write(JSON.stringify(JSON.parse(s).map(f))));");
        start.ArgumentList.Add(script);
        start.StandardInputEncoding = new System.Text.UTF8Encoding(false);
        start.StandardOutputEncoding = System.Text.Encoding.UTF8;
        using var process = Process.Start(start)!;
        process.StandardInput.Write(JsonSerializer.Serialize(cases));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await errors);
        var browser = JsonSerializer.Deserialize<List<string>>(await output)!;
        Assert.Equal(cases.Select(ArabicScriptFolding.Fold), browser);
    }
}
