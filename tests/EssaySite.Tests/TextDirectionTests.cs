using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>The direction of the site's language, from its BCP 47 tag, for <c>&lt;html dir&gt;</c>.</summary>
public sealed class TextDirectionTests
{
    [Theory]
    [InlineData("fa")]
    [InlineData("fa-IR")]
    [InlineData("FA-af")]
    [InlineData("ar")]
    [InlineData("ar-EG")]
    [InlineData("he")]
    [InlineData("ur-PK")]
    [InlineData("ps")]
    [InlineData("ckb")]
    [InlineData("yi")]
    [InlineData("dv")]
    [InlineData("az-Arab")]
    [InlineData("pa-Arab-PK")]
    [InlineData("fa_IR")]
    public void RightToLeftLanguages_AreRtl(string tag) => Assert.Equal("rtl", TextDirection.Of(tag));

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("es")]
    [InlineData("de-CH")]
    [InlineData("tr")]
    [InlineData("ku-Latn")]
    [InlineData("uz-Cyrl")]
    [InlineData("tg")]
    [InlineData("zh-Hant-TW")]
    public void LeftToRightLanguages_AreLtr(string tag) => Assert.Equal("ltr", TextDirection.Of(tag));

    // A tag the check would refuse, or one no list knows, is laid out left to right rather than failing the page.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("xx")]
    [InlineData("qaa-x-private")]
    [InlineData("English")]
    public void UnknownOrMalformedTags_AreLtr(string? tag) => Assert.Equal("ltr", TextDirection.Of(tag));

    [Fact]
    public void AScriptSubtag_DecidesOverTheLanguage()
    {
        Assert.True(TextDirection.IsRightToLeft("ku-Arab"));
        Assert.False(TextDirection.IsRightToLeft("fa-Latn"));
    }
}
