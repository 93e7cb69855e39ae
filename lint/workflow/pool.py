"""Linting in worker processes, one article at a time per worker.

A worker that dies (the OOM killer, a crash in native code) costs only the article it held:
that article is reported as lost and a new worker takes over the rest. Workers ignore Ctrl-C
and die quietly on SIGTERM, so the main process alone decides how a run stops; whatever way
it ends, the workers are stopped and reaped before the main process goes on, and a worker
whose main process vanished (killed outright) exits after the article it is checking.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
IDLE_CHECK_SECONDS = 1.0  # how often an idle worker checks that its main process still exists
STOP_SECONDS = 5.0  # how long a stopped worker may take to exit before it is killed


def _serve(connection: Connection, items: Sequence[Item], work: Callable[[Item], Result]) -> None:
    """A worker's loop: receive an item's index, send back (index, result, exception)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked across the fork (WorkerPool.results): one sent then is dropped
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    parent = os.getppid()
    while True:
        if not connection.poll(IDLE_CHECK_SECONDS):
            if os.getppid() != parent:
                return
            continue
        try:
            index = connection.recv()
        except EOFError:
            return
        if index is None:
            return
        try:
            connection.send((index, work(items[index]), None))
        except Exception as error:  # raised again in the main process
            connection.send((index, None, _sendable(error)))


def _sendable(error: Exception) -> Exception:
    """The exception itself when it survives pickling, else a RuntimeError that names it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def death_cause(exitcode: int | None) -> str:
    """How a worker process ended, in words: 'killed by SIGKILL' or 'exit status 3'."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    held: int | None = None


@dataclass
class WorkerPool(Generic[Item, Result]):
    """Runs `work` over `items` in `jobs` processes; `lost(item, cause)` stands in for the
    result of an item whose worker died while holding it."""

    items: Sequence[Item]
    work: Callable[[Item], Result]
    lost: Callable[[Item, str], Result]
    jobs: int

    def results(self) -> Generator[Result, None, None]:
        """Every item's result, in the items' order, as soon as it and those before it are done.
        An exception raised by `work` is raised here, after the workers are stopped."""
        context = get_context("fork" if sys.platform == "linux" else None)
        waiting = list(range(len(self.items)))[::-1]
        done: dict[int, Result] = {}
        workers: list[_Worker] = []
        finished = False

        def start() -> _Worker:
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, self.items, self.work), daemon=True)
            blocks = hasattr(signal, "pthread_sigmask")  # a Ctrl-C during the fork must not kill the new worker
            if blocks:
                signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
            try:
                process.start()
            finally:
                if blocks:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
            theirs.close()
            return _Worker(process, ours)

        def hand_out(worker: _Worker) -> None:
            worker.held = waiting.pop() if waiting else None
            if worker.held is not None:
                try:
                    worker.connection.send(worker.held)
                except OSError:  # the worker is dying: the loop finds it dead, holding this item
                    pass

        try:
            for _ in range(min(self.jobs, len(self.items))):
                workers.append(start())
                hand_out(workers[-1])
            emitted = 0
            while emitted < len(self.items):
                busy = [w for w in workers if w.held is not None]
                wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
                for worker in busy:
                    if worker.connection.poll():
                        message = self._receive(worker)
                        if message is not None:
                            done[message[0]] = message[1]
                            hand_out(worker)
                            continue
                    elif worker.process.is_alive():
                        continue
                    worker.process.join()
                    held = worker.held
                    assert held is not None
                    done[held] = self.lost(self.items[held], death_cause(worker.process.exitcode))
                    worker.connection.close()
                    workers.remove(worker)
                    if waiting:
                        workers.append(start())
                        hand_out(workers[-1])
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
            finished = True
        finally:
            _stop(workers, gently=finished)

    @staticmethod
    def _receive(worker: _Worker) -> tuple[int, Result] | None:
        """A worker's (index, result); None when the worker died instead of answering."""
        try:
            index, result, error = worker.connection.recv()
        except EOFError:
            return None
        if error is not None:
            raise error
        return index, result


def _stop(workers: list[_Worker], gently: bool) -> None:
    """Ask idle workers to exit (gently) or terminate them (an interrupted run), then reap them."""
    for worker in workers:
        try:
            if gently:
                worker.connection.send(None)
            else:
                worker.process.terminate()
        except (OSError, ValueError):
            pass
    for worker in workers:
        worker.process.join(STOP_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.connection.close()
