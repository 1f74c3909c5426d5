using System.Threading.Channels;
using CampaignDesk.Core.SignIn;

namespace CampaignDesk.Api.SignIn;

/// <summary>A link asked for: sent (or not, for an unknown address) after the request has been answered.</summary>
public sealed record LinkRequestWork(string Email, Uri BaseUrl, string? ReturnTo);

/// <summary>
/// Sends the links that « Recevoir un lien de connexion » asks for, in the background: the request is answered before
/// the address is even looked up, so neither its answer nor its timing tells whether the address is a user's. A full
/// queue drops the request (logged); a stop loses the links still queued, which their people can ask for again.
/// </summary>
public sealed class LinkSender(SignInService signIn, ILogger<LinkSender> logger) : BackgroundService
{
    private readonly Channel<LinkRequestWork> _queue = Channel.CreateBounded<LinkRequestWork>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public void Enqueue(LinkRequestWork work)
    {
        if (!_queue.Writer.TryWrite(work))
        {
            logger.LogWarning("The sign-in link queue is full: a request was dropped");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await signIn.SendLinkAsync(work.Email, work.BaseUrl, work.ReturnTo, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A sign-in link could not be sent");
            }
        }
    }
}
