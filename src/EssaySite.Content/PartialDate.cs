using System.Globalization;
using System.Text.RegularExpressions;

namespace EssaySite.Content;

public enum DatePrecision { Year, Month, Day }

/// <summary>A date known to the year, the month or the day, as the record allows.</summary>
public readonly partial record struct PartialDate(int Year, int Month, int Day, DatePrecision Precision) : IComparable<PartialDate>
{
    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success)
        {
            date = new PartialDate(year, 1, 1, DatePrecision.Year);
            return true;
        }

        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        if (!m.Groups[3].Success)
        {
            date = new PartialDate(year, month, 1, DatePrecision.Month);
            return true;
        }

        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new PartialDate(year, month, day, DatePrecision.Day);
        return true;
    }

    /// <summary>The value for a <c>&lt;time datetime&gt;</c> attribute: 1953, 1953-08 or 1953-08-19.</summary>
    public string Iso => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}-{Month:D2}-{Day:D2}",
    };

    /// <summary>How a reader sees it: 1953, August 1953, 19 August 1953.</summary>
    public string Display => Precision switch
    {
        DatePrecision.Year => Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{MonthName} {Year}",
        _ => $"{Day} {MonthName} {Year}",
    };

    public DateOnly Start => new(Year, Month, Day);

    private string MonthName => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month);

    public int CompareTo(PartialDate other) => Start.CompareTo(other.Start) is var c and not 0 ? c : Precision.CompareTo(other.Precision);

    public override string ToString() => Iso;

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")]
    private static partial Regex Pattern();
}
