using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Sends the version of the resource a handler answers with (200 or 201) as its ETag, so every endpoint of a versioned
/// resource — GET, POST, PATCH and the actions that change it — gives the tag that its next If-Match must carry.
/// </summary>
internal sealed class VersionETagFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IValueHttpResult { Value: IVersioned versioned } and IStatusCodeHttpResult { StatusCode: 200 or 201 })
        {
            context.HttpContext.Response.Headers.ETag = ETags.Of(versioned.Version);
        }

        return result;
    }
}

public static class VersionETagExtensions
{
    /// <summary>Adds <see cref="VersionETagFilter"/> to every endpoint of the group.</summary>
    public static TBuilder WithVersionETags<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new VersionETagFilter());
}
