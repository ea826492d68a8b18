namespace EssaySite.Content;

/// <summary>A count with its noun: "1 problem", "3 problems".</summary>
public static class Counting
{
    public static string Of(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
