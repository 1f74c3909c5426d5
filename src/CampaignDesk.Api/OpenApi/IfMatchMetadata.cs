namespace CampaignDesk.Api.OpenApi;

/// <summary>Marks an endpoint that honours If-Match (412 when stale), so the document declares the header and the status.</summary>
public sealed class IfMatchMetadata
{
    public static readonly IfMatchMetadata Instance = new();
}

public static class IfMatchMetadataExtensions
{
    public static TBuilder WithIfMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IfMatchMetadata.Instance);
}
