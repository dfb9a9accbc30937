"""moto's server, with DynamoDB requests serialized.

moto answers requests on several threads but its DynamoDB backend takes no lock: two conditional writes can
both pass their condition, and a cancelled transaction restores a copy of the whole table taken before it
started, undoing writes that other threads made meanwhile. Real DynamoDB makes every conditional write and
transaction atomic, and rollgate's exactly-once guarantees (idempotent starts, one winning approval decision)
rest on that. Holding one lock per DynamoDB request restores those semantics; other services stay concurrent
(long polls, for instance, keep working). Usage is the same as moto_server: python moto_server.py -H host -p port
"""
import sys
import threading

from moto.dynamodb.responses import DynamoHandler
from moto.server import main

_dynamodb_lock = threading.RLock()
_call_action = DynamoHandler.call_action


def _serialized_call_action(self):
    with _dynamodb_lock:
        return _call_action(self)


DynamoHandler.call_action = _serialized_call_action

if __name__ == "__main__":
    sys.exit(main())
