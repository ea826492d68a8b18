namespace EssaySite.Content.Search;

/// <summary>
/// One thing a search can find: an essay paragraph, a guide entry or a page. <see cref="Keywords"/> are found
/// but never shown (a glossary term's other spellings); the excerpt comes from <see cref="Text"/>.
/// </summary>
public sealed record SearchDocument(string Url, string Title, string Kind, string Text, double Boost, string Keywords = "");

/// <summary>A query with its misspelt words replaced by the nearest words in the index, for "Did you mean …?".</summary>
public sealed record SearchSuggestion(string Query);

public sealed record SearchHit(SearchDocument Document, double Score, string SnippetHtml);
