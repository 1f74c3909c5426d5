namespace CampaignDesk.Core.Hosting;

/// <summary>CampaignDesk cannot start as configured; the message says why and what to change.</summary>
public sealed class StartupException(string message, Exception? innerException = null) : Exception(message, innerException);
