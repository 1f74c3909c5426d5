namespace CampaignDesk.Core.Common;

/// <summary>A resource whose rows carry a version (bumped by every change), which the API sends as its ETag.</summary>
public interface IVersioned
{
    int Version { get; }
}
