using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// HEAD wherever GET is (RFC 9110 §9.3.2): minimal APIs map GET only, so a HEAD request is routed as GET and its body is
/// counted instead of sent. The response has the headers GET would have (ETag, Last-Modified, Content-Type) and a
/// Content-Length of the body it did not send. Runs before routing, so authorization and rate limits apply as to GET.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var counter = new CountingBody();
        context.Features.Set<IHttpResponseBodyFeature>(counter);
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(original);
        }

        if (!context.Response.HasStarted && context.Response.ContentLength is null && counter.Length > 0)
        {
            context.Response.ContentLength = counter.Length;
        }
    });

    /// <summary>A response body that counts what is written and sends nothing; starting it is left to the real one, later.</summary>
    private sealed class CountingBody : IHttpResponseBodyFeature, IDisposable
    {
        private readonly CountingStream _stream = new();

        public CountingBody() => Writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));

        public long Length => _stream.Length;

        public Stream Stream => _stream;

        public PipeWriter Writer { get; }

        public Task CompleteAsync() => Writer.FlushAsync().AsTask();

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            _stream.Advance(count ?? new FileInfo(path).Length - offset);
            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Dispose() => _stream.Dispose();
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public void Advance(long count) => _length += count;

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
