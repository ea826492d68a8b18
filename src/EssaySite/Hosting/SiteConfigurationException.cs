namespace EssaySite.Hosting;

/// <summary>A configuration value that stops start-up, with a message fit for an operator.</summary>
public sealed class SiteConfigurationException(string message) : Exception(message);
